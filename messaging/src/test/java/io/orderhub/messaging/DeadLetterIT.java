package io.orderhub.messaging;

import static io.orderhub.messaging.ProviderEvents.aProviderEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderhub.events.ProviderEvent;
import io.orderhub.messaging.deadletter.DeadLetter;
import io.orderhub.messaging.deadletter.DeadLetters;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Poison and permanently failing records go to the dead-letter topic without stopping their partition;
 * transient failures are retried until they pass; dead letters are listed and replayed.
 */
@SpringBootTest(
        properties = {
            "orderhub.dead-letters.permanent-retry-interval=50ms",
            "orderhub.dead-letters.transient-initial-interval=50ms",
            "orderhub.dead-letters.transient-max-interval=200ms"
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
class DeadLetterIT {

    static final String TOPIC = "orderhub-test.dead-letters";
    /** Above numeric(6,2) until the column is widened, not after. */
    static final String TOO_LARGE_BEFORE_THE_FIX = "10000000";
    /** Above numeric(6,2) and numeric(12,2). */
    static final String TOO_LARGE_ALWAYS = "100000000000";

    static KafkaProducer<String, byte[]> rawProducer;

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    DSLContext db;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplyEffect consumer;

    @BeforeAll
    static void connect() {
        rawProducer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() {
        rawProducer.close();
    }

    @Test
    void deadLettersAnUnreadableRecordAndGoesOnWithTheNextOne() throws Exception {
        UUID poisonId = UUID.randomUUID();
        ProducerRecord<String, byte[]> poison =
                new ProducerRecord<>(TOPIC, "order-1", "not avro at all".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("id", poisonId.toString().getBytes(StandardCharsets.UTF_8));
        long poisonOffset = rawProducer.send(poison).get().offset();
        ProviderEvent next = send("order-1", "1.00");

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(next.getEventId()));
        DeadLetter letter = awaitDeadLetter(poisonId);
        assertThat(letter.topic()).isEqualTo(TOPIC + ".DLT");
        assertThat(letter.partition()).isZero();
        assertThat(letter.originalTopic()).isEqualTo(TOPIC);
        assertThat(letter.originalOffset()).isEqualTo(poisonOffset);
        assertThat(letter.consumerGroup()).isEqualTo("dead-letter-it");
        assertThat(letter.key()).isEqualTo("order-1");
        assertThat(letter.reason()).contains("DeserializationException");
    }

    @Test
    void deadLettersANumericOverflowAfterTwoRetriesAndCountsIt() throws Exception {
        double before = deadLettered();
        ProviderEvent overflowing = send("order-2", TOO_LARGE_ALWAYS);
        ProviderEvent next = send("order-2", "2.00");

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(next.getEventId()));
        DeadLetter letter = awaitDeadLetter(overflowing.getEventId());
        assertThat(consumer.attempts(overflowing.getEventId())).isEqualTo(3);
        assertThat(applied(overflowing.getEventId())).isFalse();
        assertThat(letter.exception()).isNotBlank();
        assertThat(letter.reason())
                .contains("DataIntegrityViolationException")
                .contains("numeric field overflow")
                .doesNotContain(TOO_LARGE_ALWAYS);
        // At least: a replay-all in another test may dead-letter its events again meanwhile.
        assertThat(deadLettered()).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void retriesATransientFailureBeyondThePermanentRetriesUntilItPasses() throws Exception {
        ProviderEvent flaky = send("transient-" + UUID.randomUUID(), "3.00");

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(flaky.getEventId()));
        assertThat(consumer.attempts(flaky.getEventId())).isEqualTo(ApplyEffect.TRANSIENT_FAILURES + 1);
        assertThat(deadLetters.list(1000))
                .extracting(DeadLetter::eventId)
                .doesNotContain(flaky.getEventId().toString());
    }

    @Test
    void replaysADeadLetterAfterTheFix() throws Exception {
        ProviderEvent overflowing = send("order-3", TOO_LARGE_BEFORE_THE_FIX);
        DeadLetter letter = awaitDeadLetter(overflowing.getEventId());

        db.execute("alter table dead_letter_effect alter column amount type numeric(12, 2)");
        assertThat(deadLetters.replay(letter.topic(), letter.partition(), letter.offset()))
                .contains(letter);

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(overflowing.getEventId()));
        assertThat(db.fetchValue("select amount from dead_letter_effect where event_id = ?", overflowing.getEventId()))
                .isEqualTo(new BigDecimal("10000000.00"));
    }

    @Test
    void replaysAllDeadLettersPublishingAnEventDeadLetteredTwiceOnce() throws Exception {
        ProviderEvent failing = send("order-4", TOO_LARGE_ALWAYS);
        DeadLetter first = awaitDeadLetter(failing.getEventId());
        deadLetters.replay(first.topic(), first.partition(), first.offset());
        awaitDeadLetters(failing.getEventId(), 2);
        int attemptsBefore = consumer.attempts(failing.getEventId());

        List<DeadLetter> replayed = deadLetters.replayAll();

        assertThat(replayed)
                .filteredOn(letter -> failing.getEventId().toString().equals(letter.eventId()))
                .containsExactly(first);
        awaitDeadLetters(failing.getEventId(), 3);
        assertThat(consumer.attempts(failing.getEventId())).isEqualTo(attemptsBefore + 3);
    }

    @Test
    void replaysNothingForACoordinateThatIsNoDeadLetterOfThisService() {
        assertThat(deadLetters.replay("orderhub.order-events.v1.DLT", 0, 0)).isEmpty();
        assertThat(deadLetters.replay(TOPIC + ".DLT", 0, Long.MAX_VALUE - 1)).isEmpty();
    }

    private ProviderEvent send(String reference, String amount) throws Exception {
        ProviderEvent event = aProviderEvent(reference, amount);
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(TOPIC, reference, event);
        record.headers().add("id", event.getEventId().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
        return event;
    }

    private DeadLetter awaitDeadLetter(UUID eventId) {
        return awaitDeadLetters(eventId, 1).get(0);
    }

    /** The event's dead letters, oldest first, once there are at least {@code count}. */
    private List<DeadLetter> awaitDeadLetters(UUID eventId, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deadLetters.list(1000).stream()
                                .filter(letter -> eventId.toString().equals(letter.eventId()))
                                .toList(),
                        letters -> letters.size() >= count);
    }

    private boolean applied(UUID eventId) {
        return db.fetchExists(
                table("dead_letter_effect"), field("event_id", UUID.class).eq(eventId));
    }

    private double deadLettered() {
        return meters.counter("orderhub.events.dead.lettered", "topic", TOPIC).count();
    }

    @TestConfiguration
    static class TestTopicAndConsumer {

        @Bean
        NewTopic deadLetterTestTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
        }

        @Bean
        NewTopic deadLetterTestDeadLetterTopic() {
            return TopicBuilder.name(TOPIC + ".DLT").partitions(1).replicas(1).build();
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ApplyEffect applyEffect(DSLContext db) {
            return new ApplyEffect(db);
        }
    }

    /** Stores each event's amount; fails transiently a few times for references starting with "transient-". */
    static class ApplyEffect {

        static final int TRANSIENT_FAILURES = 4;

        private final DSLContext db;
        private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

        ApplyEffect(DSLContext db) {
            this.db = db;
        }

        @KafkaListener(topics = TOPIC, groupId = "dead-letter-it")
        void apply(ProviderEvent event) {
            int attempt = attempts.computeIfAbsent(event.getEventId(), id -> new AtomicInteger())
                    .incrementAndGet();
            if (event.getProviderReference().startsWith("transient-") && attempt <= TRANSIENT_FAILURES) {
                throw new TransientDataAccessResourceException("database unavailable (attempt " + attempt + ")");
            }
            db.insertInto(table("dead_letter_effect"), field("event_id"), field("amount"))
                    .values(event.getEventId(), new BigDecimal(event.getPayload()))
                    .execute();
        }

        int attempts(UUID eventId) {
            AtomicInteger count = attempts.get(eventId);
            return count == null ? 0 : count.get();
        }
    }
}
