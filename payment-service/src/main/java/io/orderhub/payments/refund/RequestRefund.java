package io.orderhub.payments.refund;

import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.Refund;
import io.orderhub.payments.payment.RequestKey;
import io.orderhub.payments.provider.Providers;
import io.orderhub.payments.provider.RefundState;
import org.springframework.stereotype.Service;

/**
 * Refunds a payment. Not {@code @Transactional}, for the same reason as payment creation: the pending refund is
 * committed first, then the provider is called with the refund id as its idempotency key, then its reference
 * and status are committed. A provider failure leaves the refund pending: a retry with the same
 * Idempotency-Key re-drives it, and the repair job settles it with the provider.
 */
@Service
public class RequestRefund {

    private final RefundSteps steps;
    private final Providers providers;

    RequestRefund(RefundSteps steps, Providers providers) {
        this.steps = steps;
        this.providers = providers;
    }

    public record Result(Payment payment, Refund refund) {}

    public Result refund(RefundRequest request, Caller caller, String idempotencyKey) {
        RequestKey requestKey =
                idempotencyKey == null ? null : new RequestKey(caller.id(), idempotencyKey, request.digest());
        RefundSteps.Requested requested = steps.request(request, caller, requestKey);
        if (requested.submitted()) {
            return new Result(requested.payment(), requested.refund());
        }
        RefundState state = providers.forPayment(requested.payment()).refund(requested.payment(), requested.refund());
        RefundSteps.Requested done = steps.submitted(requested.payment(), requested.refund(), state, caller.name());
        return new Result(done.payment(), done.refund());
    }
}
