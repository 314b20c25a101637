package io.orderhub.payments.provider;

import io.orderhub.events.PaymentEventType;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentLedger;
import io.orderhub.payments.payment.PaymentRepository;
import io.orderhub.payments.payment.Refund;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Brings a refund to the state its provider reports; answers whether anything changed. */
@Service
public class ApplyRefundState {

    private final PaymentRepository repository;
    private final PaymentLedger ledger;

    ApplyRefundState(PaymentRepository repository, PaymentLedger ledger) {
        this.repository = repository;
        this.ledger = ledger;
    }

    @Transactional
    public boolean apply(UUID paymentId, UUID refundId, RefundState state, String actor, String reason) {
        Payment payment = repository.lock(paymentId).orElseThrow();
        Refund refund = payment.refund(refundId).orElseThrow();
        if (!payment.updateRefund(refund, state.status(), state.reference(), ledger.now())) {
            return false;
        }
        payment.settleRefunds(
                        PaymentEventType.REFUND_CHANGED,
                        reason + ": refund " + refund.id() + " "
                                + refund.status().wireName(),
                        ledger.now())
                .ifPresent(change -> ledger.record(payment, change, actor));
        return true;
    }
}
