package io.orderhub.orders.order;

import static io.orderhub.events.PaymentStatus.FAILED;
import static io.orderhub.events.PaymentStatus.PARTIALLY_REFUNDED;
import static io.orderhub.events.PaymentStatus.PENDING;
import static io.orderhub.events.PaymentStatus.REFUNDED;
import static io.orderhub.events.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.PaymentEvent;
import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderEventsOnTopic;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.OrderSetup;
import io.orderhub.orders.PaymentEvents;
import io.orderhub.orders.TestKeys;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Payment events from the real topic move orders and their amounts as agreed with payment-service. */
@OrderServiceIntegrationTest
class PaymentEventsIT {

    static PaymentEvents payments;
    static TopicRecorder orderEvents;

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    MeterRegistry meters;

    OrderApi shop;
    OrderSetup setup;

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
        shop = OrderApi.on(port, TestKeys.WOOCOMMERCE);
        setup = new OrderSetup(shop, payments);
    }

    @Test
    void marksTheOrderPaidWhenASucceededPaymentCoversTheGrandTotal() {
        UUID id = setup.orderIn("pending");
        PaymentEvents.Payment payment = PaymentEvents.payment(id);
        double paidChanges = paidStatusChanges();

        payments.send(payment.event(1, SUCCEEDED, "47.49", "0"));

        JsonNode order = setup.awaitVersion(id, 2);
        assertThat(paidStatusChanges()).isEqualTo(paidChanges + 1);
        assertThat(order.get("status").asString()).isEqualTo("paid");
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(order.get("refunded_amount").decimalValue()).isEqualByComparingTo("0");
        JsonNode summary = order.get("payments").get(0);
        assertThat(summary.get("id").asString()).isEqualTo(payment.id().toString());
        assertThat(summary.get("provider").asString()).isEqualTo("stripe");
        assertThat(summary.get("status").asString()).isEqualTo("succeeded");
        assertThat(summary.get("amount").toString()).isEqualTo("47.49");
        assertThat(summary.get("refunded_amount").toString()).isEqualTo("0.00");
        JsonNode last = lastHistoryEntry(id);
        assertThat(last.get("old_status").asString()).isEqualTo("pending");
        assertThat(last.get("new_status").asString()).isEqualTo("paid");
        assertThat(last.get("changed_by").asString()).isEqualTo("payments");

        OrderEvent event = awaitEvents(id, 2).get(1);
        assertThat(event.getType()).isEqualTo(OrderEventType.STATUS_CHANGED);
        assertThat(event.getActor()).isEqualTo("payments");
        assertThat(event.getPreviousStatus()).isEqualTo(io.orderhub.events.OrderStatus.PENDING);
        assertThat(event.getOrder().getStatus()).isEqualTo(io.orderhub.events.OrderStatus.PAID);
        assertThat(event.getCausingPayment().getPaymentId()).isEqualTo(payment.id());
        assertThat(event.getCausingPayment().getStatus()).isEqualTo(SUCCEEDED);
        assertThat(event.getOrder().getPaidAmount()).isEqualByComparingTo("47.49");
    }

    @Test
    void addsUpPartialPaymentsAndPublishesEachAsAPaymentUpdate() {
        UUID id = setup.orderIn("confirmed");

        payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, "20.00", "0"));
        JsonNode partly = setup.awaitVersion(id, 2);
        payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, "27.49", "0"));
        JsonNode fully = setup.awaitVersion(id, 3);

        assertThat(partly.get("status").asString()).isEqualTo("confirmed");
        assertThat(partly.get("paid_amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(fully.get("status").asString()).isEqualTo("paid");
        assertThat(fully.get("paid_amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(fully.get("payments")).hasSize(2);
        assertThat(awaitEvents(id, 3))
                .map(OrderEvent::getType)
                .containsExactly(OrderEventType.CREATED, OrderEventType.PAYMENT_UPDATED, OrderEventType.STATUS_CHANGED);
    }

    @Test
    void appliesADuplicateEventOnce() {
        UUID id = setup.orderIn("pending");
        PaymentEvents.Payment payment = PaymentEvents.payment(id);
        PaymentEvent partial = payment.event(1, SUCCEEDED, "10.00", "0");

        payments.send(partial);
        payments.send(partial);
        payments.send(PaymentEvents.payment(id).event(1, PENDING, "37.49", "0"));

        JsonNode order = setup.awaitVersion(id, 3);
        assertThat(order.get("version").asLong()).isEqualTo(3);
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(awaitEvents(id, 3)).map(OrderEvent::getVersion).containsExactly(1L, 2L, 3L);
    }

    @Test
    void neverLetsALateOlderVersionOverwriteANewerOne() {
        UUID id = setup.orderIn("pending");
        PaymentEvents.Payment payment = PaymentEvents.payment(id);
        PaymentEvent pending = payment.event(1, PENDING, "47.49", "0");
        PaymentEvent succeeded = payment.event(2, SUCCEEDED, "47.49", "0");
        PaymentEvent failedEarlier = payment.event(2, FAILED, "47.49", "0");

        payments.send(succeeded);
        payments.send(pending);
        payments.send(failedEarlier);
        payments.send(PaymentEvents.payment(id).event(1, PENDING, "1.00", "0"));

        JsonNode order = setup.awaitVersion(id, 3);
        assertThat(order.get("version").asLong()).isEqualTo(3);
        assertThat(order.get("status").asString()).isEqualTo("paid");
        assertThat(order.get("payments"))
                .filteredOn(p -> p.get("id").asString().equals(payment.id().toString()))
                .singleElement()
                .satisfies(p -> assertThat(p.get("status").asString()).isEqualTo("succeeded"));
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("47.49");
    }

    @Test
    void producesNoOrderChangeForANewerPaymentVersionThatShowsNothingNew() {
        UUID id = setup.orderIn("pending");
        PaymentEvents.Payment payment = PaymentEvents.payment(id);

        payments.send(payment.event(1, PENDING, "47.49", "0"));
        payments.send(payment.event(2, PENDING, "47.49", "0"));
        payments.send(payment.event(3, SUCCEEDED, "47.49", "0"));

        JsonNode order = setup.awaitVersion(id, 3);
        assertThat(order.get("status").asString()).isEqualTo("paid");
        assertThat(order.get("version").asLong()).isEqualTo(3);
        assertThat(awaitEvents(id, 3))
                .map(OrderEvent::getType)
                .containsExactly(OrderEventType.CREATED, OrderEventType.PAYMENT_UPDATED, OrderEventType.STATUS_CHANGED);
    }

    @Test
    void marksThePaidOrderRefundedOnlyWhenRefundsCoverIt() {
        UUID id = setup.orderIn("pending");
        PaymentEvents.Payment payment = PaymentEvents.payment(id);
        payments.send(payment.event(1, SUCCEEDED, "47.49", "0"));
        setup.awaitVersion(id, 2);
        assertThat(shop.transition(id, "processing", null).status()).isEqualTo(200);

        payments.send(payment.event(2, PARTIALLY_REFUNDED, "47.49", "7.49"));
        JsonNode partly = setup.awaitVersion(id, 4);
        payments.send(payment.event(3, REFUNDED, "47.49", "47.49"));
        JsonNode refunded = setup.awaitVersion(id, 5);

        assertThat(partly.get("status").asString()).isEqualTo("processing");
        assertThat(partly.get("refunded_amount").decimalValue()).isEqualByComparingTo("7.49");
        assertThat(refunded.get("status").asString()).isEqualTo("refunded");
        assertThat(refunded.get("refunded_amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(refunded.get("paid_amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(lastHistoryEntry(id).get("old_status").asString()).isEqualTo("processing");
        assertThat(lastHistoryEntry(id).get("changed_by").asString()).isEqualTo("payments");
    }

    @Test
    void countsAndFlagsAnOverpaymentAProviderReported() {
        UUID id = setup.orderIn("pending");
        double overpaid = meters.counter("orderhub.orders.overpaid").count();
        payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, "47.49", "0"));
        JsonNode paid = setup.awaitVersion(id, 2);

        payments.send(PaymentEvents.payment(id).provider("btcpay").event(2, SUCCEEDED, "47.49", "0"));

        JsonNode twice = setup.awaitVersion(id, 3);
        assertThat(paid.get("overpaid").asBoolean()).isFalse();
        assertThat(twice.get("status").asString()).isEqualTo("paid");
        assertThat(twice.get("paid_amount").decimalValue()).isEqualByComparingTo("94.98");
        assertThat(twice.get("overpaid").asBoolean()).isTrue();
        assertThat(meters.counter("orderhub.orders.overpaid").count()).isGreaterThanOrEqualTo(overpaid + 1);
        assertThat(awaitEvents(id, 3).get(2).getType()).isEqualTo(OrderEventType.PAYMENT_UPDATED);
    }

    @Test
    void neverRevivesACancelledOrderButShowsTheMoney() {
        UUID id = setup.orderIn("cancelled");

        payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, "47.49", "0"));

        JsonNode order = setup.awaitVersion(id, 2);
        assertThat(order.get("status").asString()).isEqualTo("cancelled");
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(awaitEvents(id, 2).get(1).getType()).isEqualTo(OrderEventType.PAYMENT_UPDATED);
        assertThat(shop.history(id).data()).hasSize(1);
    }

    @Test
    void onlyUpdatesTheAmountsOfAnOrderImportedPastPaid() {
        UUID id = setup.orderIn("processing");

        payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, "47.49", "0"));

        JsonNode order = setup.awaitVersion(id, 2);
        assertThat(order.get("status").asString()).isEqualTo("processing");
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("47.49");
    }

    @Test
    void recordsAPaymentInAnotherCurrencyWithoutCountingIt() {
        UUID id = setup.orderIn("pending");

        payments.send(PaymentEvents.payment(id).currency("USD").event(1, SUCCEEDED, "60.00", "0"));

        JsonNode order = setup.awaitVersion(id, 2);
        assertThat(order.get("status").asString()).isEqualTo("pending");
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(order.get("payments").get(0).get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void movesThroughPaidToRefundedWhenTheFirstEventSeenIsAlreadyRefunded() {
        UUID id = setup.orderIn("pending");

        payments.send(PaymentEvents.payment(id).event(3, REFUNDED, "47.49", "47.49"));

        JsonNode order = setup.awaitVersion(id, 3);
        assertThat(order.get("status").asString()).isEqualTo("refunded");
        assertThat(shop.history(id).data().findValuesAsString("new_status"))
                .containsExactly("pending", "paid", "refunded");
        assertThat(awaitEvents(id, 3))
                .map(OrderEvent::getType)
                .containsExactly(OrderEventType.CREATED, OrderEventType.STATUS_CHANGED, OrderEventType.STATUS_CHANGED);
    }

    @Test
    void keepsAPaymentEventForAnUnknownOrderWithoutBlockingTheOrdersAfterIt() {
        UUID id = setup.orderIn("pending");
        UUID unknown = PaymentEvents.anotherKeyOnTheSamePartition(id);
        PaymentEvent stray = PaymentEvents.payment(unknown).event(1, SUCCEEDED, "5.00", "0");

        payments.send(stray);
        payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, "47.49", "0"));

        setup.awaitStatus(id, "paid");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.fetchCount(
                                table("unmatched_payment_events"),
                                field("event_id", UUID.class).eq(stray.getEventId()))
                        == 1);
        assertThat(meters.counter("orderhub.orders.payment_events", "outcome", "unmatched")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private double paidStatusChanges() {
        Counter counter = meters.find("orderhub.orders.changes")
                .tags("type", "status_changed", "status", "paid")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode lastHistoryEntry(UUID id) {
        JsonNode history = shop.history(id).data();
        return history.get(history.size() - 1);
    }

    private static List<OrderEvent> awaitEvents(UUID orderId, int count) {
        return OrderEventsOnTopic.await(orderEvents, orderId, count);
    }
}
