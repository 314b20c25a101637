package io.orderhub.orders;

import static io.orderhub.events.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.PaymentEvent;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.schemas.EventTopic;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Payment events order-service can never apply go to {@code orderhub.payment-events.v1.DLT} without holding
 * up the events after them on their partition; the admin key lists and replays them.
 */
@OrderServiceIntegrationTest
class DeadLettersIT {

    static final String TOPIC = EventTopic.PAYMENT_EVENTS.topicName();
    /** The most numeric(19,4) holds in its integer part: twice this overflows {@code orders.paid_amount}. */
    static final String LARGEST_AMOUNT = "999999999999999";

    final PaymentEvents payments = PaymentEvents.connect();
    final DSLContext db;
    final MeterRegistry meters;
    final OrderApi shop;
    final OrderApi admin;
    final OrderSetup setup;

    @Autowired
    DeadLettersIT(@LocalServerPort int port, DSLContext db, MeterRegistry meters) {
        this.db = db;
        this.meters = meters;
        shop = OrderApi.on(port, TestKeys.WOOCOMMERCE);
        admin = shop.withKey(TestKeys.ADMIN);
        setup = new OrderSetup(shop, payments);
    }

    @AfterEach
    void disconnectKafka() {
        payments.close();
    }

    @Test
    void deadLettersAnUnreadablePaymentEventAndAppliesTheNextOneOfItsPartition() {
        UUID id = setup.orderIn("pending");
        UUID unreadable = payments.sendUnreadable(id);
        payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, "47.49", "0"));

        setup.awaitStatus(id, "paid");
        JsonNode letter = awaitDeadLetters(unreadable, 1).get(0);
        assertThat(letter.get("topic").asString()).isEqualTo(TOPIC + ".DLT");
        assertThat(letter.get("original_topic").asString()).isEqualTo(TOPIC);
        assertThat(letter.get("partition").asInt())
                .isEqualTo(letter.get("original_partition").asInt());
        assertThat(letter.get("consumer_group").asString()).isEqualTo("order-service");
        assertThat(letter.get("key").asString()).isEqualTo(id.toString());
        assertThat(letter.get("reason").asString()).contains("DeserializationException");
        assertThat(letter.propertyNames())
                .containsExactlyInAnyOrder(
                        "topic",
                        "partition",
                        "offset",
                        "original_topic",
                        "original_partition",
                        "original_offset",
                        "consumer_group",
                        "event_id",
                        "key",
                        "exception",
                        "reason");
    }

    @Test
    void deadLettersAPaymentThatOverflowsThePaidAmountAndAppliesTheNextOneOfItsPartition() {
        double before = deadLettered();
        UUID id = setup.orderIn("pending");
        payments.send(PaymentEvents.payment(id).event(1, SUCCEEDED, LARGEST_AMOUNT, "0"));
        setup.awaitStatus(id, "paid");
        PaymentEvent overflowing = PaymentEvents.payment(id).event(1, SUCCEEDED, LARGEST_AMOUNT, "0");
        PaymentEvent next = PaymentEvents.payment(PaymentEvents.anotherKeyOnTheSamePartition(id))
                .event(1, SUCCEEDED, "5.00", "0");

        payments.send(overflowing);
        payments.send(next);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.fetchExists(
                        table("unmatched_payment_events"),
                        field("event_id", UUID.class).eq(next.getEventId())));
        JsonNode letter = awaitDeadLetters(overflowing.getEventId(), 1).get(0);
        assertThat(letter.get("reason").asString())
                .contains("PaymentAmountOutOfRange")
                .contains("larger than the hub can store");
        assertThat(shop.get(id).data().get("paid_amount").decimalValue()).isEqualByComparingTo(LARGEST_AMOUNT);
        assertThat(deadLettered()).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void replaysADeadLetterToThePartitionItCameFrom() {
        UUID id = setup.orderIn("pending");
        UUID unreadable = payments.sendUnreadable(id);
        JsonNode first = awaitDeadLetters(unreadable, 1).get(0);

        Answer replay = admin.post(
                "/api/v1/admin/dead-letters/" + first.get("topic").asString() + "/"
                        + first.get("partition").asInt() + "/"
                        + first.get("offset").asLong() + "/replay",
                "");

        assertThat(replay.status()).as(replay.text()).isEqualTo(202);
        assertThat(replay.data().get("event_id").asString()).isEqualTo(unreadable.toString());
        // Still unreadable: the replayed copy, a later record of the same partition, is dead-lettered again.
        JsonNode again = awaitDeadLetters(unreadable, 2).get(1);
        assertThat(again.get("original_partition").asInt())
                .isEqualTo(first.get("original_partition").asInt());
        assertThat(again.get("original_offset").asLong())
                .isGreaterThan(first.get("original_offset").asLong());
    }

    @Test
    void replaysEveryDeadLetterOfTheService() {
        UUID unreadable = payments.sendUnreadable(setup.orderIn("pending"));
        awaitDeadLetters(unreadable, 1);

        Answer replay = admin.post("/api/v1/admin/dead-letters/replay-all", "");

        assertThat(replay.status()).as(replay.text()).isEqualTo(202);
        assertThat(replay.data()
                        .valueStream()
                        .map(letter -> letter.get("event_id").asString()))
                .contains(unreadable.toString());
        awaitDeadLetters(unreadable, 2);
    }

    @Test
    void answersNotFoundForCoordinatesThatNameNoDeadLetterOfTheService() {
        Answer beyondTheEnd = admin.post("/api/v1/admin/dead-letters/" + TOPIC + ".DLT/0/999999999/replay", "");
        Answer notConsumedHere =
                admin.post("/api/v1/admin/dead-letters/" + EventTopic.ORDER_EVENTS.topicName() + ".DLT/0/0/replay", "");

        assertThat(beyondTheEnd.status()).isEqualTo(404);
        assertThat(beyondTheEnd.header("Content-Type")).startsWith("application/problem+json");
        assertThat(notConsumedHere.status()).isEqualTo(404);
    }

    @Test
    void refusesDeadLettersToAnyKeyButTheAdminKey() {
        Answer list = shop.get("/api/v1/admin/dead-letters");
        Answer replayAll = shop.post("/api/v1/admin/dead-letters/replay-all", "");
        Answer anonymous = shop.withKey(null).get("/api/v1/admin/dead-letters");

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.header("Content-Type")).startsWith("application/problem+json");
        assertThat(replayAll.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    /** The dead letters of the event, oldest first, once there are at least {@code count}. */
    private List<JsonNode> awaitDeadLetters(UUID eventId, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            Answer answer = admin.get("/api/v1/admin/dead-letters?limit=200");
                            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                            return answer.data()
                                    .valueStream()
                                    .filter(letter -> eventId.toString()
                                            .equals(letter.get("event_id").asString()))
                                    .toList();
                        },
                        letters -> letters.size() >= count);
    }

    private double deadLettered() {
        return meters.counter("orderhub.events.dead.lettered", "topic", TOPIC).count();
    }
}
