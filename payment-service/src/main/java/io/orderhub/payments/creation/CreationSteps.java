package io.orderhub.payments.creation;

import io.orderhub.messaging.id.Ids;
import io.orderhub.money.Money;
import io.orderhub.payments.order.OrderView;
import io.orderhub.payments.order.Orders;
import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.DuplicatePayment;
import io.orderhub.payments.payment.IdempotencyKeyReused;
import io.orderhub.payments.payment.IllegalTransition;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentChange;
import io.orderhub.payments.payment.PaymentLedger;
import io.orderhub.payments.payment.PaymentRepository;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.RecordedStatusRefused;
import io.orderhub.payments.payment.RequestKey;
import io.orderhub.payments.provider.Created;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The transactions of a creation: before the provider call, after it, and recording without one. */
@Component
class CreationSteps {

    private final PaymentRepository repository;
    private final PaymentLedger ledger;
    private final Orders orders;

    CreationSteps(PaymentRepository repository, PaymentLedger ledger, Orders orders) {
        this.repository = repository;
        this.ledger = ledger;
        this.orders = orders;
    }

    /**
     * Transaction 1: the payment as {@code pending}, unpublished, keyed by the request (API key and
     * Idempotency-Key) and the source payment id, so a retry finds it and re-drives the same provider call.
     */
    @Transactional
    Payment reserve(PaymentRequest request, OrderView order, Money amount, RequestKey requestKey) {
        Optional<Payment> existing = existing(request, order, requestKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Payment payment = Payment.start(Ids.next(), order.id(), order.source(), request.provider(), amount)
                .sourcePaymentId(request.sourcePaymentId())
                .returnUrl(request.returnUrl())
                .metadataJson(request.metadataJson())
                .method(request.method())
                .at(ledger.now());
        if (!ledger.reserve(payment, requestKey)) {
            // Another request with the same source payment id got there first and is still in flight.
            throw new DuplicatePayment("A payment with this source_payment_id is being created; retry shortly");
        }
        return payment;
    }

    private Optional<Payment> existing(PaymentRequest request, OrderView order, RequestKey requestKey) {
        if (requestKey != null) {
            Optional<Payment> byKey = repository.lockByRequestKey(requestKey.scope(), requestKey.key());
            if (byKey.isPresent()) {
                if (!requestKey
                        .digest()
                        .equals(repository.requestDigest(byKey.get().id()).orElse(""))) {
                    throw new IdempotencyKeyReused("payment");
                }
                return byKey;
            }
        }
        if (request.sourcePaymentId() != null) {
            Optional<Payment> bySource = repository.lockBySourcePaymentId(order.source(), request.sourcePaymentId());
            if (bySource.isPresent()
                    && (!bySource.get().orderId().equals(order.id())
                            || !bySource.get().provider().equals(request.provider())
                            || bySource.get().recorded())) {
                throw sourcePaymentIdTaken(bySource.get());
            }
            return bySource;
        }
        return Optional.empty();
    }

    /** Transaction 2: the provider's reference and next action; the payment is published as created. */
    @Transactional
    Payment complete(Payment reserved, Created created, String actor) {
        Payment payment = repository.lock(reserved.id()).orElseThrow();
        if (payment.published()) {
            // A provider event for it arrived first and published it; the answer still needs the next action.
            if (payment.nextActionJson() == null) {
                ledger.storeNextAction(payment, created.reference(), created.nextActionJson());
            }
            return payment;
        }
        payment.attachReference(created.reference(), created.nextActionJson(), ledger.now());
        if (payment.wouldMoveTo(created.status())) {
            payment.moveTo(created.status(), null, ledger.now());
        }
        ledger.publishCreated(payment, actor, "created at " + payment.provider() + " as " + created.reference());
        return payment;
    }

    /** The provider refused the payment outright: it is published as failed, with the provider's reason. */
    @Transactional
    Payment refuse(Payment reserved, String reason, String actor) {
        Payment payment = repository.lock(reserved.id()).orElseThrow();
        if (!payment.published()) {
            payment.moveTo(PaymentStatus.FAILED, reason, ledger.now());
            ledger.publishCreated(payment, actor, reason);
        }
        return payment;
    }

    /**
     * What is still open on the order: its grand total less the money its payments received, net of their
     * refunds (never below zero).
     */
    Money open(OrderView order) {
        return order.grandTotal()
                .minus(Money.of(repository.netReceived(order.id(), null), order.currency()))
                .max(Money.zero(order.currency()));
    }

    /** The amount, or a 422 naming what is open when it is more. */
    static Money notAboveOpen(Money amount, Money open) {
        if (amount.compareTo(open) > 0) {
            throw new InvalidRequest("amount", "is above what is open on the order (" + open + ")");
        }
        return amount;
    }

    /**
     * A payment that already happened (or failed) at a channel's own gateway, or POS cash: upserted by
     * {@code (source, source_payment_id)}, so a resend with a new status updates it and never doubles it. Money
     * a channel reports is never more than what is open on the order: that is decided with the order's row
     * locked (before any payment's, as the order event consumer does), so two recorded payments never both take
     * the same open amount. Overpayment only ever comes from a provider's own report.
     */
    @Transactional
    CreationResult record(PaymentRequest request, UUID orderId, Caller caller) {
        OrderView order = orders.lock(orderId).orElseThrow();
        PaymentStatus target = request.status() == null ? PaymentStatus.SUCCEEDED : request.status();
        if (order.cancelled() && !target.moneyReceived()) {
            throw new InvalidRequest("order_id", "the order is cancelled");
        }
        Money open = open(order);
        if (request.sourcePaymentId() != null) {
            Optional<Payment> existing = repository.lockBySourcePaymentId(order.source(), request.sourcePaymentId());
            if (existing.isPresent()) {
                Payment payment = existing.get();
                if (!payment.orderId().equals(order.id()) || !payment.recorded()) {
                    throw sourcePaymentIdTaken(payment);
                }
                if (target.moneyReceived() && !payment.status().moneyReceived()) {
                    // Until now this payment received nothing, so none of it is in what was received.
                    notAboveOpen(payment.amount(), open);
                }
                try {
                    Optional<PaymentChange> change =
                            payment.moveTo(target, "recorded by " + caller.name(), ledger.now());
                    change.ifPresent(c -> ledger.record(payment, c, caller.name()));
                } catch (IllegalTransition e) {
                    throw new RecordedStatusRefused(payment.id(), e);
                }
                return new CreationResult(payment, false);
            }
        }
        Money amount =
                request.amount() == null ? open : notAboveOpen(Money.of(request.amount(), order.currency()), open);
        if (!amount.isPositive()) {
            throw new InvalidRequest("amount", "is required: nothing is open on this order");
        }
        Payment payment = Payment.start(Ids.next(), order.id(), order.source(), request.provider(), amount)
                .status(target)
                .recorded(request.providerReference())
                .sourcePaymentId(request.sourcePaymentId())
                .returnUrl(request.returnUrl())
                .metadataJson(request.metadataJson())
                .at(ledger.now());
        if (!ledger.reserve(payment, null)) {
            throw new DuplicatePayment("Another payment already has this provider_reference or source_payment_id");
        }
        ledger.publishCreated(payment, caller.name(), "recorded by " + caller.name());
        return new CreationResult(payment, true);
    }

    private static DuplicatePayment sourcePaymentIdTaken(Payment payment) {
        return new DuplicatePayment("source_payment_id already belongs to another payment", payment.id());
    }
}
