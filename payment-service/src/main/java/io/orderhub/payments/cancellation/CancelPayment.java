package io.orderhub.payments.cancellation;

import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.CancellationRefused;
import io.orderhub.payments.payment.FindPayments;
import io.orderhub.payments.payment.IllegalTransition;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentNotFound;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.provider.ApplyProviderState;
import io.orderhub.payments.provider.ProviderState;
import io.orderhub.payments.provider.Providers;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Cancels a payment on a channel's request. Not {@code @Transactional}: a provider payment is cancelled at the
 * provider first, and the answer is applied in its own transaction; a recorded payment is cancelled as
 * recorded. A payment that succeeded meanwhile is brought up to date and answered 409.
 */
@Service
public class CancelPayment {

    private final FindPayments payments;
    private final Providers providers;
    private final ApplyProviderState applyProviderState;

    CancelPayment(FindPayments payments, Providers providers, ApplyProviderState applyProviderState) {
        this.payments = payments;
        this.providers = providers;
        this.applyProviderState = applyProviderState;
    }

    public Payment cancel(UUID paymentId, Caller caller) {
        Payment payment = payments.byId(paymentId, caller).orElseThrow(PaymentNotFound::new);
        if (payment.status() == PaymentStatus.CANCELLED) {
            return payment;
        }
        if (!payment.status().canMoveTo(PaymentStatus.CANCELLED)) {
            throw new IllegalTransition(payment.status(), PaymentStatus.CANCELLED);
        }
        ProviderState state = payment.recorded() || payment.providerReference() == null
                ? new ProviderState(PaymentStatus.CANCELLED, payment.providerReference(), "cancelled as recorded")
                : providers.forPayment(payment).cancel(payment);
        Payment after = applyProviderState
                .apply(payment.id(), state, caller.name(), "cancelled by " + caller.name())
                .payment();
        if (after.status() != PaymentStatus.CANCELLED) {
            throw new CancellationRefused(after.status(), after.provider());
        }
        return after;
    }
}
