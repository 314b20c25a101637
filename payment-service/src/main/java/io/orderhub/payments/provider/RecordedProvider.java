package io.orderhub.payments.provider;

import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.Refund;
import io.orderhub.payments.payment.RefundStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Payments the hub does not drive: {@code manual} (POS cash or card terminal) and whatever a channel's own
 * gateway did. There is nobody to ask, so creations, cancellations and refunds take effect as recorded.
 */
@Component
class RecordedProvider implements PaymentProvider {

    @Override
    public String name() {
        return Providers.MANUAL;
    }

    @Override
    public Created create(Payment payment) {
        return new Created(payment.providerReference(), null, PaymentStatus.SUCCEEDED);
    }

    @Override
    public Optional<ProviderState> find(Payment payment) {
        return Optional.empty();
    }

    @Override
    public ProviderState cancel(Payment payment) {
        return new ProviderState(PaymentStatus.CANCELLED, payment.providerReference(), "cancelled as recorded");
    }

    @Override
    public RefundState refund(Payment payment, Refund refund) {
        return new RefundState(null, RefundStatus.SUCCEEDED);
    }

    @Override
    public Optional<RefundState> findRefund(Payment payment, Refund refund) {
        return Optional.of(new RefundState(refund.providerReference(), RefundStatus.SUCCEEDED));
    }
}
