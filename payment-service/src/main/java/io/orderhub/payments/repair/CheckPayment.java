package io.orderhub.payments.repair;

import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.FindPayments;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentNotFound;
import io.orderhub.payments.provider.Providers;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * "Ask the provider now": an operator's check of one payment, done at once instead of at the repair worker's
 * next look — found at the provider if its creation's answer was lost, moved as the provider reports it,
 * cancelled there if its order was cancelled. Answers the payment afterwards.
 */
@Service
public class CheckPayment {

    private final FindPayments payments;
    private final Providers providers;
    private final RepairWorker worker;

    CheckPayment(FindPayments payments, Providers providers, RepairWorker worker) {
        this.payments = payments;
        this.providers = providers;
        this.worker = worker;
    }

    public Payment check(UUID paymentId, Caller caller) {
        Payment payment = payments.byId(paymentId, caller).orElseThrow(PaymentNotFound::new);
        if (payment.recorded() || !providers.isCalled(payment.provider())) {
            throw new NoProviderToAsk(payment.id(), payment.provider());
        }
        worker.repairNow(paymentId);
        return payments.byId(paymentId, caller).orElseThrow(PaymentNotFound::new);
    }

    /** A payment its channel recorded (cash, a terminal outside the hub): no provider knows it. */
    public static class NoProviderToAsk extends RuntimeException {

        NoProviderToAsk(UUID paymentId, String provider) {
            super("Payment " + paymentId + " is recorded by its channel (" + provider + "): no provider to ask");
        }
    }
}
