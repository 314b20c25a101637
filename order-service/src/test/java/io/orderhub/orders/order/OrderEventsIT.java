package io.orderhub.orders.order;

import static io.orderhub.events.PaymentStatus.REFUNDED;
import static io.orderhub.events.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderEventsOnTopic;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.OrderSetup;
import io.orderhub.orders.PaymentEvents;
import io.orderhub.orders.TestKeys;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every order change is on orderhub.order-events.v1 exactly once, in version order, with its snapshot. */
@OrderServiceIntegrationTest
class OrderEventsIT {

    static PaymentEvents payments;
    static TopicRecorder orderEvents;

    @LocalServerPort
    int port;

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
    void publishesEveryChangeOfAnOrdersLifeOnceInVersionOrder() {
        UUID id = setup.orderIn("pending");
        shop.transition(id, "confirmed", "stock checked");
        PaymentEvents.Payment payment = PaymentEvents.payment(id);
        payments.send(payment.event(1, SUCCEEDED, "47.49", "0"));
        setup.awaitStatus(id, "paid");
        shop.transition(id, "processing", null);
        shop.transition(id, "shipped", "DHL 0034");
        shop.transition(id, "delivered", null);
        payments.send(payment.event(2, REFUNDED, "47.49", "47.49"));
        setup.awaitStatus(id, "refunded");

        List<OrderEvent> events = OrderEventsOnTopic.await(orderEvents, id, 7);

        assertThat(events).map(OrderEvent::getVersion).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events)
                .map(e -> e.getOrder().getStatus().name())
                .containsExactly("PENDING", "CONFIRMED", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "REFUNDED");
        assertThat(events)
                .map(OrderEvent::getType)
                .containsExactly(
                        OrderEventType.CREATED,
                        OrderEventType.STATUS_CHANGED,
                        OrderEventType.STATUS_CHANGED,
                        OrderEventType.STATUS_CHANGED,
                        OrderEventType.STATUS_CHANGED,
                        OrderEventType.STATUS_CHANGED,
                        OrderEventType.STATUS_CHANGED);
        assertThat(events)
                .map(OrderEvent::getActor)
                .containsExactly("shop", "shop", "payments", "shop", "shop", "shop", "payments");
        assertThat(events.get(2).getCausingPayment().getPaymentId()).isEqualTo(payment.id());
        assertThat(events.get(1).getCausingPayment()).isNull();
        assertThat(events.get(1).getReason()).isEqualTo("stock checked");
        assertThat(events).map(OrderEvent::getEventId).doesNotHaveDuplicates();
        assertThat(shop.history(id).data()).hasSize(7);
    }

    @Test
    void carriesTheFullSnapshotInTheCreatedEvent() {
        UUID id = shop.place(
                io.orderhub.orders.OrderFixtures.pluginPayload(UUID.randomUUID().toString()));

        OrderEvent created = OrderEventsOnTopic.await(orderEvents, id, 1).get(0);

        assertThat(created.getType()).isEqualTo(OrderEventType.CREATED);
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(created.getActor()).isEqualTo("shop");
        assertThat(created.getPreviousStatus()).isNull();
        assertThat(created.getOrder().getSource()).isEqualTo("woocommerce");
        assertThat(created.getOrder().getCustomerId()).isEqualTo("77");
        assertThat(created.getOrder().getGrandTotal()).isEqualByComparingTo("47.49");
        assertThat(created.getOrder().getCustomer().getEmail()).isEqualTo("anna@example.org");
        assertThat(created.getOrder().getItems()).singleElement().satisfies(item -> {
            assertThat(item.getPrice()).isEqualByComparingTo("39.80");
            assertThat(item.getUnitPrice()).isNull();
            assertThat(item.getTaxRate()).isEqualByComparingTo("0.07");
        });
        assertThat(created.getOrder().getMetadataJson()).contains("billing_email");
        assertThat(created.getOrder().getPayments()).isEmpty();
    }

    @Test
    void keepsVersionsGaplessWhenRequestsAndPaymentsRace() throws Exception {
        UUID id = setup.orderIn("pending");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> shop.transition(id, "confirmed", null).status()));
        }
        for (int i = 0; i < 4; i++) {
            payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, "10.00", "0"));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        }
        pool.shutdown();

        JsonNode order = setup.awaitVersion(id, 6);
        List<OrderEvent> events = OrderEventsOnTopic.await(orderEvents, id, 6);

        assertThat(order.get("version").asLong()).isEqualTo(6);
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(events)
                .map(OrderEvent::getVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
        assertThat(events)
                .filteredOn(e -> e.getType() == OrderEventType.STATUS_CHANGED)
                .hasSize(1);
        assertThat(shop.history(id).data()).hasSize(2);
    }
}
