package io.orderhub.console.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.console.hub.Views.Attempt;
import io.orderhub.console.hub.Views.Change;
import io.orderhub.console.hub.Views.Delivery;
import io.orderhub.console.hub.Views.Dispute;
import io.orderhub.console.hub.Views.Payment;
import io.orderhub.console.hub.Views.ProviderEvent;
import io.orderhub.console.hub.Views.Refund;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void mergesTheOrderItsPaymentsRefundsDisputesProviderEventsAndCallbacksOldestFirst() {
        UUID paymentId = UUID.randomUUID();
        UUID deliveryId = UUID.randomUUID();
        Payment payment = new Payment(
                paymentId,
                UUID.randomUUID(),
                "stripe",
                "partially_refunded",
                "47.49",
                "EUR",
                "10.00",
                "37.49",
                "pi_1",
                false,
                false,
                null,
                List.of(new Refund(UUID.randomUUID(), "10.00", "succeeded", "damaged", "re_1", T0.plusSeconds(50))),
                new Dispute("lost", "37.49", "dp_1", "fraudulent", T0.plusSeconds(60)),
                T0.plusSeconds(5),
                T0.plusSeconds(50));
        ProviderEvent succeeded = new ProviderEvent(
                "stripe",
                "evt_1",
                "payment_intent.succeeded",
                "pi_1",
                paymentId,
                "applied",
                null,
                T0.plusSeconds(20),
                2);
        Delivery delivery = new Delivery(
                deliveryId,
                UUID.randomUUID(),
                "order",
                3,
                "woocommerce",
                "order.paid",
                "delivered",
                1,
                200,
                null,
                null,
                T0.plusSeconds(30),
                List.of(new Attempt(
                        1, T0.plusSeconds(31), "https://shop.example/cb", "delivered", 200, "ok", 42L, null)));

        Timeline timeline = Timeline.of(
                List.of(
                        new Change(null, "pending", null, "shop", T0, 1),
                        new Change("pending", "paid", "payment succeeded", "system", T0.plusSeconds(21), 2)),
                List.of(new Timeline.PaymentStory(
                        payment,
                        List.of(
                                new Change(null, "pending", null, "shop", T0.plusSeconds(5), 1),
                                new Change("pending", "succeeded", null, "stripe", T0.plusSeconds(20), 2)),
                        List.of(succeeded))),
                List.of(delivery));

        assertThat(timeline.entries())
                .extracting(Timeline.Entry::title)
                .containsExactly(
                        "Order created pending",
                        "Payment stripe 47.49 EUR created pending",
                        "Payment stripe 47.49 EUR pending → succeeded",
                        "Provider event stripe payment_intent.succeeded: applied",
                        "Order pending → paid",
                        "Callback order.paid (order version 3) to woocommerce: delivered",
                        "Callback attempt 1: delivered, HTTP 200, 42 ms",
                        "Refund 10.00 EUR succeeded",
                        "Dispute 37.49 EUR opened, now lost");
        assertThat(timeline.entries().get(3).detail()).isEqualTo("evt_1 · signature verified · sent again 2 times");
        assertThat(timeline.entries().get(7).detail()).isEqualTo("provider reference re_1 · damaged");
        assertThat(timeline.entries().get(8).detail())
                .isEqualTo("provider reference dp_1 · fraudulent · payment " + paymentId);
    }

    @Test
    void anInvoiceCallbackNamesItsDocumentNotAnOrderVersion() {
        Delivery invoice = new Delivery(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "invoice",
                0,
                "b2b",
                "invoice.issued",
                "delivered",
                1,
                200,
                null,
                null,
                T0,
                List.of());

        assertThat(Timeline.of(List.of(), List.of(), List.of(invoice)).entries())
                .extracting(Timeline.Entry::title)
                .containsExactly("Callback invoice.issued to b2b: delivered");
    }
}
