package io.orderhub.payments.cancellation;

import io.orderhub.payments.order.OrderCancelled;
import io.orderhub.payments.payment.PaymentLedger;
import io.orderhub.payments.payment.PaymentRepository;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the order read model sees an order cancelled, its open provider payments are marked for cancellation in
 * that same transaction; the repair worker asks the providers (PaymentIntent cancel, BTCPay invoice invalid)
 * right after the commit, outside any transaction, and keeps asking until they answer.
 */
@Component
class CancelPayments {

    private final PaymentRepository repository;
    private final PaymentLedger ledger;

    CancelPayments(PaymentRepository repository, PaymentLedger ledger) {
        this.repository = repository;
        this.ledger = ledger;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderCancelled event) {
        for (UUID id : repository.openProviderPayments(event.orderId())) {
            repository.lock(id).ifPresent(ledger::requestCancellation);
        }
    }
}
