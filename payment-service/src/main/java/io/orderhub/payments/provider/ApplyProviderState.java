package io.orderhub.payments.provider;

import io.orderhub.events.PaymentEventType;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentChange;
import io.orderhub.payments.payment.PaymentLedger;
import io.orderhub.payments.payment.PaymentRepository;
import io.orderhub.payments.payment.PaymentStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings a payment to the state its provider reports (after a cancellation or a repair check): a move the table
 * allows is applied; anything else leaves the payment as it is. A payment the hub never published (its
 * creation's answer was lost) is published now, with its reference and real status.
 */
@Service
public class ApplyProviderState {

    private final PaymentRepository repository;
    private final PaymentLedger ledger;

    ApplyProviderState(PaymentRepository repository, PaymentLedger ledger) {
        this.repository = repository;
        this.ledger = ledger;
    }

    /** Answers the payment after the change, and whether anything changed. */
    public record Outcome(Payment payment, boolean changed) {}

    @Transactional
    public Outcome apply(UUID paymentId, ProviderState state, String actor, String reason) {
        Payment payment = repository.lock(paymentId).orElseThrow();
        String why = reason + " (" + state.detail() + ")";
        if (!payment.published()) {
            payment.attachReference(state.reference(), null, ledger.now());
            if (payment.wouldMoveTo(state.status())) {
                payment.moveTo(state.status(), why, ledger.now());
            }
            if (state.attention() != null) {
                payment.flag(state.attention());
            }
            ledger.publishCreated(payment, actor, why);
            return new Outcome(payment, true);
        }
        if (payment.providerReference() == null && state.reference() != null) {
            payment.attachReference(state.reference(), null, ledger.now());
        }
        Optional<PaymentChange> change = payment.wouldMoveTo(state.status())
                ? payment.moveTo(state.status(), why, ledger.now())
                : Optional.empty();
        if (state.attention() != null && !payment.needsAttention()) {
            payment.flag(state.attention());
            if (change.isEmpty()) {
                change = Optional.of(new PaymentChange(PaymentEventType.STATUS_CHANGED, payment.status(), why));
            }
        }
        change.ifPresent(c -> ledger.record(payment, c, actor));
        return new Outcome(payment, change.isPresent());
    }

    /** A payment the hub reserved but its provider never created: published as failed, so nothing hangs. */
    @Transactional
    public Outcome neverCreated(UUID paymentId, String actor) {
        Payment payment = repository.lock(paymentId).orElseThrow();
        if (payment.published()) {
            return new Outcome(payment, false);
        }
        String reason = payment.provider() + " never created this payment (its creation failed)";
        payment.moveTo(PaymentStatus.FAILED, reason, ledger.now());
        ledger.publishCreated(payment, actor, reason);
        return new Outcome(payment, true);
    }
}
