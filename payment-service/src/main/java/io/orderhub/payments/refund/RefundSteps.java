package io.orderhub.payments.refund;

import io.orderhub.events.PaymentEventType;
import io.orderhub.messaging.id.Ids;
import io.orderhub.money.Money;
import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.IdempotencyKeyReused;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentLedger;
import io.orderhub.payments.payment.PaymentNotFound;
import io.orderhub.payments.payment.PaymentRepository;
import io.orderhub.payments.payment.Refund;
import io.orderhub.payments.payment.RequestKey;
import io.orderhub.payments.provider.RefundState;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The transactions of a refund, before and after its provider call. */
@Component
class RefundSteps {

    private final PaymentRepository repository;
    private final PaymentLedger ledger;

    RefundSteps(PaymentRepository repository, PaymentLedger ledger) {
        this.repository = repository;
        this.ledger = ledger;
    }

    record Requested(Payment payment, Refund refund, boolean submitted) {}

    /**
     * Transaction 1: the refund as pending, its amount reserved against the payment, published. A recorded
     * payment's refund is confirmed at once: there is no provider to ask.
     */
    @Transactional
    Requested request(RefundRequest request, Caller caller, RequestKey requestKey) {
        if (requestKey != null) {
            Optional<Requested> earlier = repository
                    .refundByRequestKey(requestKey.scope(), requestKey.key())
                    .map(found -> {
                        if (!requestKey.digest().equals(found.digest())) {
                            throw new IdempotencyKeyReused("refund");
                        }
                        Payment payment = repository.lock(found.paymentId()).orElseThrow();
                        Refund refund = payment.refund(found.refundId()).orElseThrow();
                        return new Requested(
                                payment,
                                refund,
                                refund.providerReference() != null
                                        || refund.status().isFinal());
                    });
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Payment payment = repository
                .lock(request.paymentId())
                .filter(p -> p.published() && caller.canSee(p.source()))
                .orElseThrow(PaymentNotFound::new);
        if (request.amount() != null && Money.problemWith(request.amount(), payment.currency()) != null) {
            throw new InvalidRequest("amount", Money.problemWith(request.amount(), payment.currency()));
        }
        Money amount = request.amount() == null ? payment.refundable() : Money.of(request.amount(), payment.currency());
        UUID id = Ids.next();
        Refund refund;
        String reason;
        if (payment.recorded()) {
            refund = payment.recordRefund(id, amount, request.reason(), caller.name(), ledger.now());
            reason = "refund " + id + " of " + amount + " recorded";
            payment.settleRefunds(PaymentEventType.REFUND_CHANGED, reason, ledger.now())
                    .ifPresent(change -> ledger.record(payment, change, caller.name()));
        } else {
            refund = payment.requestRefund(id, amount, request.reason(), caller.name(), false, ledger.now());
            reason = "refund " + id + " of " + amount + " requested";
            payment.settleRefunds(PaymentEventType.REFUND_CHANGED, reason, ledger.now())
                    .ifPresent(change -> ledger.record(payment, change, caller.name()));
        }
        repository.tagRefund(id, requestKey);
        return new Requested(payment, refund, payment.recorded());
    }

    /** Transaction 2: the provider's reference and status for the refund. */
    @Transactional
    Requested submitted(Payment submittedPayment, Refund submittedRefund, RefundState state, String actor) {
        Payment payment = repository.lock(submittedPayment.id()).orElseThrow();
        Refund refund = payment.refund(submittedRefund.id()).orElseThrow();
        if (payment.updateRefund(refund, state.status(), state.reference(), ledger.now())) {
            payment.settleRefunds(
                            PaymentEventType.REFUND_CHANGED,
                            "refund " + refund.id() + " submitted to " + payment.provider() + " as " + state.reference()
                                    + ": " + refund.status().wireName(),
                            ledger.now())
                    .ifPresent(change -> ledger.record(payment, change, actor));
        }
        return new Requested(payment, refund, true);
    }
}
