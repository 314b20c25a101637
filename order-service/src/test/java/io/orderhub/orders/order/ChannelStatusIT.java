package io.orderhub.orders.order;

import static io.orderhub.orders.OrderFixtures.pluginOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderEventsOnTopic;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.TestKeys;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An order a channel sends in a status other than {@code pending} (synced late, fulfilled, cancelled or
 * refunded in the shop): every status gets a deliberate answer, recorded with its reason and published
 * once as {@code CREATED} in that status (which callback-dispatcher never calls back).
 */
@OrderServiceIntegrationTest
class ChannelStatusIT {

    static TopicRecorder orderEvents;

    @LocalServerPort
    int port;

    OrderApi shop;

    @BeforeAll
    static void connectKafka() {
        orderEvents = TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.ORDER_EVENTS.topicName());
    }

    @AfterAll
    static void disconnectKafka() {
        orderEvents.close();
    }

    @BeforeEach
    void connect() {
        shop = OrderApi.on(port, TestKeys.WOOCOMMERCE);
    }

    /** Sent status, recorded status, and what the history reason says (null: no reason). */
    static Stream<Arguments> acceptedStatuses() {
        return Stream.of(
                Arguments.of("pending", "pending", null),
                Arguments.of("on-hold", "pending", "status on-hold (on hold in the shop, awaiting payment)"),
                Arguments.of("confirmed", "confirmed", "placed by the channel with status confirmed"),
                Arguments.of("processing", "processing", "placed by the channel with status processing"),
                Arguments.of("shipped", "shipped", "placed by the channel with status shipped"),
                Arguments.of("delivered", "delivered", "placed by the channel with status delivered"),
                Arguments.of("completed", "delivered", "status completed (completed in the shop)"),
                Arguments.of("cancelled", "cancelled", "placed by the channel with status cancelled"),
                Arguments.of("failed", "cancelled", "status failed (its payment failed in the shop)"),
                Arguments.of("refunded", "cancelled", "the hub knows no payment of it: nothing paid or refunded"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("acceptedStatuses")
    void recordsTheOrderInTheStatusTheChannelMeans(String sent, String recorded, String reason) {
        ObjectNode order = pluginOrder().put("status", sent);

        Answer created = shop.create(order);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID id = UUID.fromString(created.data().get("id").asString());
        assertThat(created.data().get("status").asString()).isEqualTo(recorded);
        assertThat(created.data().get("version").asLong()).isEqualTo(1);
        assertThat(created.data().get("paid_amount").decimalValue()).isZero();
        assertThat(created.data().get("refunded_amount").decimalValue()).isZero();

        JsonNode history = shop.history(id).data();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("old_status").isNull()).isTrue();
        assertThat(history.get(0).get("new_status").asString()).isEqualTo(recorded);
        if (reason == null) {
            assertThat(history.get(0).get("reason").isNull()).isTrue();
        } else {
            assertThat(history.get(0).get("reason").asString()).contains(reason);
        }

        OrderEvent event = OrderEventsOnTopic.await(orderEvents, id, 1).get(0);
        assertThat(event.getType()).isEqualTo(OrderEventType.CREATED);
        assertThat(event.getVersion()).isEqualTo(1);
        assertThat(event.getOrder().getStatus().name().toLowerCase(Locale.ROOT)).isEqualTo(recorded);
        assertThat(event.getReason() == null ? null : event.getReason().toString())
                .isEqualTo(reason == null ? null : history.get(0).get("reason").asString());
    }

    @Test
    void refusesPaidWithWhatToSendInstead() {
        ObjectNode order = pluginOrder().put("status", "paid");

        Answer refused = shop.create(order);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text()).contains("create the order as pending").contains("POST /api/v1/payments");
        assertThat(shop.get("/api/v1/orders/by-source/woocommerce/"
                                + order.get("source_order_id").asString())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void namesEveryAcceptedStatusForAnUnknownOne() {
        Answer refused = shop.create(pluginOrder().put("status", "archived"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("on-hold, completed, failed, refunded");
    }

    @Test
    void aCancelledImportAcceptsNoFurtherTransition() {
        UUID id = shop.place(pluginOrder().put("status", "refunded"));

        Answer again = shop.transition(id, "processing", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(shop.history(id).data()).hasSize(1);
    }
}
