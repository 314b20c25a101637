package io.orderhub.orders.order;

import static io.orderhub.events.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderEventsOnTopic;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.PaymentEvents;
import io.orderhub.orders.TestKeys;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** PUT /api/v1/import/orders/{id}: the old hub's orders come over once, with their history, and call no channel back. */
@OrderServiceIntegrationTest
class ImportOrderIT {

    static PaymentEvents payments;
    static TopicRecorder orderEvents;

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    OrderApi admin;

    @BeforeAll
    static void connectKafka() {
        payments = PaymentEvents.connect();
        orderEvents = TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.ORDER_EVENTS.topicName());
    }

    @AfterAll
    static void disconnectKafka() {
        payments.close();
        orderEvents.close();
    }

    @BeforeEach
    void connect() {
        admin = OrderApi.on(port, TestKeys.ADMIN);
    }

    static String paidOrder(String sourceOrderId, UUID customerId) {
        return """
                {"source": "woocommerce", "source_order_id": "%s",
                 "customer": {"id": "%s", "email": "max-%s@example.com", "name": "Max Mustermann"},
                 "currency": "EUR", "status": "processing",
                 "subtotal": "228.00", "tax_total": "43.32", "shipping_total": "0.00", "discount_total": "0.00",
                 "grand_total": "271.32", "paid_amount": "271.32", "refunded_amount": "0.00",
                 "items": [{"sku": "THEME-001", "name": "Premium WordPress Theme", "quantity": 1,
                            "unit_price": "79.00", "price": "79.00", "tax": "15.01", "tax_rate": "0.19"},
                           {"sku": "SUPPORT-YEAR", "name": "Support Package", "quantity": 1,
                            "unit_price": "149.00", "price": "149.00", "tax": "28.31", "tax_rate": "0.19"}],
                 "history": [
                   {"old_status": null, "new_status": "pending", "changed_by": "import",
                    "reason": "created in the old hub", "changed_at": "2025-04-01T08:00:00Z"},
                   {"old_status": "pending", "new_status": "paid", "changed_by": "webhook:stripe",
                    "reason": "Payment succeeded", "changed_at": "2025-04-01T08:02:00Z"},
                   {"old_status": "paid", "new_status": "processing", "changed_by": "trigger",
                    "changed_at": "2025-04-01T09:00:00Z"}],
                 "metadata": {"billing_email": "max@example.com"},
                 "created_at": "2025-04-01T08:00:00Z"}
                """.formatted(sourceOrderId, customerId, sourceOrderId);
    }

    @Test
    void storesTheOrderUnderItsOldIdWithItsHistoryAsVersions() {
        UUID id = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        OrderApi.Answer answer = admin.put("/api/v1/import/orders/" + id, paidOrder("imp-" + id, customer));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode order = admin.get(id).data();
        assertThat(order.get("status").asString()).isEqualTo("processing");
        assertThat(order.get("version").asLong()).isEqualTo(3);
        assertThat(order.get("grand_total").decimalValue()).isEqualByComparingTo("271.32");
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("271.32");
        assertThat(order.get("created_at").asString()).startsWith("2025-04-01T08:00");
        assertThat(order.get("items")).hasSize(2);
        JsonNode history = admin.history(id).data();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("new_status").asString()).isEqualTo("pending");
        assertThat(history.get(2).get("new_status").asString()).isEqualTo("processing");
        assertThat(db.fetchValue("select customer_ref from orders where id = ?", id))
                .isEqualTo(customer);
        assertThat(db.fetchValue("select imported_at is not null from orders where id = ?", id))
                .isEqualTo(true);
    }

    @Test
    void importingTheSameOrderAgainChangesNothingAndAnswersTheSame() {
        UUID id = UUID.randomUUID();
        String body = paidOrder("imp-" + id, UUID.randomUUID());
        OrderApi.Answer first = admin.put("/api/v1/import/orders/" + id, body);

        OrderApi.Answer second = admin.put("/api/v1/import/orders/" + id, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(db.fetchCount(
                        table("order_status_history"), field("order_id").eq(id)))
                .isEqualTo(3);
        assertThat(OrderEventsOnTopic.await(orderEvents, id, 1)).hasSize(1);
    }

    @Test
    void publishesOneCreatedEventMarkedImportedWithTheFinalSnapshot() {
        UUID id = UUID.randomUUID();

        admin.put("/api/v1/import/orders/" + id, paidOrder("imp-" + id, UUID.randomUUID()));

        OrderEvent event = OrderEventsOnTopic.await(orderEvents, id, 1).get(0);
        assertThat(event.getType()).isEqualTo(OrderEventType.CREATED);
        assertThat(event.getImported()).isTrue();
        assertThat(event.getVersion()).isEqualTo(3);
        assertThat(event.getOrder().getStatus().name()).isEqualTo("PROCESSING");
    }

    @Test
    void anImportedPaymentIsKeptWithoutChangingOrPublishingTheOrder() {
        UUID id = UUID.randomUUID();
        admin.put("/api/v1/import/orders/" + id, paidOrder("imp-" + id, UUID.randomUUID()));
        PaymentEvents.Payment payment = PaymentEvents.payment(id);
        var event = payment.event(2, SUCCEEDED, "271.32", "0");
        event.setImported(true);

        payments.send(event);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        db.fetchCount(table("order_payments"), field("order_id").eq(id)) == 1);
        JsonNode order = admin.get(id).data();
        assertThat(order.get("version").asLong()).isEqualTo(3);
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("271.32");
        assertThat(order.get("payments")).hasSize(1);
        assertThat(OrderEventsOnTopic.await(orderEvents, id, 1)).hasSize(1);
    }

    @Test
    void anotherOrderWithTheSameChannelIdIsAConflict() {
        UUID first = UUID.randomUUID();
        admin.put("/api/v1/import/orders/" + first, paidOrder("imp-" + first, UUID.randomUUID()));

        OrderApi.Answer answer =
                admin.put("/api/v1/import/orders/" + UUID.randomUUID(), paidOrder("imp-" + first, UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("existing_order_id").asString()).isEqualTo(first.toString());
    }

    @Test
    void aHistoryThatDoesNotEndInTheOrdersStatusIsRefusedAndNothingStored() {
        UUID id = UUID.randomUUID();
        String body = paidOrder("imp-" + id, UUID.randomUUID())
                .replace("\"status\": \"processing\"", "\"status\": \"shipped\"");

        OrderApi.Answer answer = admin.put("/api/v1/import/orders/" + id, body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text()).contains("history");
        assertThat(admin.get(id).status()).isEqualTo(404);
    }

    @Test
    void onlyTheAdminKeyImports() {
        UUID id = UUID.randomUUID();

        OrderApi.Answer answer = admin.withKey(TestKeys.WOOCOMMERCE)
                .put("/api/v1/import/orders/" + id, paidOrder("imp-" + id, UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(403);
    }
}
