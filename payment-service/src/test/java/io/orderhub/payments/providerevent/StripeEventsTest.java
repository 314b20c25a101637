package io.orderhub.payments.providerevent;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.ProviderEventType;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.RefundStatus;
import io.orderhub.payments.providerevent.ProviderReport.DisputeChange;
import io.orderhub.payments.providerevent.ProviderReport.PaymentOutcome;
import io.orderhub.payments.providerevent.ProviderReport.PaymentRef;
import io.orderhub.payments.providerevent.ProviderReport.RefundChange;
import io.orderhub.payments.providerevent.ProviderReport.RefundedInAll;
import io.orderhub.payments.providerevent.ProviderReport.Unreadable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Stripe's published example objects (see provider-events/README.md) read as reports. */
class StripeEventsTest {

    private static final String INTENT = "pi_1PgafyB7WZ01zgkWSjxsAJo3";
    private static final String HUB_PAYMENT = "0190f3a4-6c1e-7b52-9d3a-2f4c8e1a7b10";

    private final StripeEvents events = new StripeEvents(JsonMapper.builder().build());

    private ProviderReport read(ProviderEventType type, String file) {
        return events.read(type, ProviderPayloads.read("stripe/" + file));
    }

    @Test
    void readsASucceededPaymentIntentAsSucceededByItsIdAndTheHubsPaymentId() {
        assertThat(read(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED, "payment_intent.succeeded.json"))
                .isEqualTo(new PaymentOutcome(
                        new PaymentRef("stripe", INTENT, HUB_PAYMENT, "PaymentIntent " + INTENT),
                        PaymentStatus.SUCCEEDED,
                        null,
                        false));
    }

    @Test
    void readsAFailedPaymentIntentAsFailed() {
        PaymentOutcome outcome = (PaymentOutcome)
                read(ProviderEventType.STRIPE_PAYMENT_INTENT_PAYMENT_FAILED, "payment_intent.payment_failed.json");

        assertThat(outcome.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(outcome.payment().reference()).isEqualTo(INTENT);
        assertThat(outcome.failureMeansCancelledIfRequested()).isFalse();
    }

    @Test
    void readsACanceledPaymentIntentAsCancelled() {
        PaymentOutcome outcome =
                (PaymentOutcome) read(ProviderEventType.STRIPE_PAYMENT_INTENT_CANCELED, "payment_intent.canceled.json");

        assertThat(outcome.status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void readsARefundedChargeAsTheCumulativeAmountOfItsPaymentIntent() {
        assertThat(read(ProviderEventType.STRIPE_CHARGE_REFUNDED, "charge.refunded.json"))
                .isEqualTo(new RefundedInAll(
                        new PaymentRef("stripe", INTENT, null, "charge ch_1PgafuB7WZ01zgkWXYmPNZs8"), 100));
    }

    @Test
    void readsAnUpdatedRefundWithItsStatusAmountAndTheHubsRefundId() {
        assertThat(read(ProviderEventType.STRIPE_REFUND_UPDATED, "refund.updated.json"))
                .isEqualTo(new RefundChange(
                        "re_1Pgc72B7WZ01zgkWqPvrRrPE",
                        "0190f3a5-1d2e-7c44-8b6a-5e0f9a3c2d11",
                        new PaymentRef("stripe", INTENT, null, "refund re_1Pgc72B7WZ01zgkWqPvrRrPE"),
                        RefundStatus.SUCCEEDED,
                        100));
    }

    @Test
    void readsAFailedRefundEventAsFailed() {
        RefundChange refund = (RefundChange) read(ProviderEventType.STRIPE_REFUND_FAILED, "refund.failed.json");

        assertThat(refund.status()).isEqualTo(RefundStatus.FAILED);
    }

    @Test
    void readsAPendingRefundAsPendingWhateverStripeCallsTheStatus() {
        String payload = ProviderPayloads.read("stripe/refund.updated.json")
                .replace("\"status\": \"succeeded\"", "\"status\": \"requires_action\"");

        RefundChange refund = (RefundChange) events.read(ProviderEventType.STRIPE_REFUND_UPDATED, payload);

        assertThat(refund.status()).isEqualTo(RefundStatus.PENDING);
    }

    @Test
    void readsACreatedDisputeThatNeedsAResponse() {
        DisputeChange dispute =
                (DisputeChange) read(ProviderEventType.STRIPE_CHARGE_DISPUTE_CREATED, "charge.dispute.created.json");

        assertThat(dispute)
                .isEqualTo(new DisputeChange(
                        new PaymentRef("stripe", INTENT, null, "dispute dp_1Pgc71B7WZ01zgkWMevJiAUx"),
                        "dp_1Pgc71B7WZ01zgkWMevJiAUx",
                        "needs_response",
                        1000,
                        "general"));
        assertThat(dispute.needsResponse()).isTrue();
    }

    @Test
    void readsTheIdOfAnExpandedPaymentIntent() {
        String payload = ProviderPayloads.read("stripe/charge.refunded.json")
                .replace("\"payment_intent\": \"" + INTENT + "\"", "\"payment_intent\": {\"id\": \"" + INTENT + "\"}");

        RefundedInAll refunded = (RefundedInAll) events.read(ProviderEventType.STRIPE_CHARGE_REFUNDED, payload);

        assertThat(refunded.payment().reference()).isEqualTo(INTENT);
    }

    @Test
    void reportsAmountsBeyondWhatTheHubStoresAsUnreadable() {
        String refund = ProviderPayloads.read("stripe/refund.updated.json");
        String charge = ProviderPayloads.read("stripe/charge.refunded.json");
        String dispute = ProviderPayloads.read("stripe/charge.dispute.created.json");

        assertThat(events.read(
                        ProviderEventType.STRIPE_REFUND_UPDATED,
                        refund.replace("\"amount\": 100,", "\"amount\": 1000000000000000000000,")))
                .isEqualTo(
                        new Unreadable(
                                "refund re_1Pgc72B7WZ01zgkWqPvrRrPE: amount is not a whole number from 0 below 10000000000000"));
        assertThat(events.read(
                        ProviderEventType.STRIPE_REFUND_UPDATED,
                        refund.replace("\"amount\": 100,", "\"amount\": -100,")))
                .isInstanceOf(Unreadable.class);
        assertThat(events.read(
                        ProviderEventType.STRIPE_CHARGE_REFUNDED,
                        charge.replace("\"amount_refunded\": 100,", "\"amount_refunded\": 10000000000000,")))
                .isInstanceOf(Unreadable.class);
        assertThat(events.read(
                        ProviderEventType.STRIPE_CHARGE_DISPUTE_CREATED,
                        dispute.replace("\"amount\": 1000,", "\"amount\": 1e400,")))
                .isInstanceOf(Unreadable.class);
    }

    @Test
    void reportsAPayloadThatIsNotJsonAsUnreadable() {
        assertThat(events.read(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED, "not json"))
                .isEqualTo(new Unreadable("the payload is not JSON"));
    }
}
