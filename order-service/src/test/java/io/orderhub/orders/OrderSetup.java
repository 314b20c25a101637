package io.orderhub.orders;

import static org.awaitility.Awaitility.await;

import io.orderhub.events.PaymentStatus;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings a new order of the shop (grand total 47.49 EUR) into any status the way production does: a
 * channel's initial status, or payment events for {@code paid} and {@code refunded}.
 */
public final class OrderSetup {

    private final OrderApi shop;
    private final PaymentEvents payments;

    public OrderSetup(OrderApi shop, PaymentEvents payments) {
        this.shop = shop;
        this.payments = payments;
    }

    public UUID orderIn(String status) {
        ObjectNode body = OrderFixtures.pluginOrder();
        boolean byPayments = status.equals("paid") || status.equals("refunded");
        body.put("status", byPayments ? "pending" : status);
        UUID id = shop.place(body);
        if (byPayments) {
            PaymentEvents.Payment payment = PaymentEvents.payment(id);
            payments.send(payment.event(1, PaymentStatus.SUCCEEDED, "47.49", "0"));
            if (status.equals("refunded")) {
                payments.send(payment.event(2, PaymentStatus.REFUNDED, "47.49", "47.49"));
            }
            awaitStatus(id, status);
        }
        return id;
    }

    public void awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> shop.get(id).data().get("status").asString(), status::equals);
    }

    /** Waits until the order reached the version, and answers it as then. */
    public tools.jackson.databind.JsonNode awaitVersion(UUID id, long version) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> shop.get(id).data(), order -> order.get("version").asLong() >= version);
    }
}
