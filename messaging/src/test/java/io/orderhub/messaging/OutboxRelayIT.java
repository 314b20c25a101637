package io.orderhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.orderhub.events.CallbackEvent;
import io.orderhub.messaging.outbox.OutboxMetrics;
import io.orderhub.messaging.outbox.OutboxProperties;
import io.orderhub.messaging.outbox.OutboxRelay;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
class OutboxRelayIT {

    private static TopicRecorder recorder;

    @Autowired
    AppendTestEvent appendTestEvent;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DataSource dataSource;

    @Autowired
    DSLContext db;

    @BeforeAll
    static void recordTopic() {
        recorder = TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.CALLBACK_EVENTS.topicName());
    }

    @AfterAll
    static void stopRecording() {
        recorder.close();
    }

    @Test
    void publishesTenThousandEventsForAHundredAggregatesInPerAggregateOrder() throws Exception {
        List<UUID> aggregates =
                IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID()).toList();
        Set<UUID> ours = new HashSet<>(aggregates);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int first = writer;
                done.add(writers.submit(() -> {
                    // Each writer interleaves its aggregates, so commits of different aggregates race.
                    for (int version = 1; version <= 100; version++) {
                        for (int a = first; a < aggregates.size(); a += 8) {
                            appendTestEvent.append(aggregates.get(a));
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }

        List<CallbackEvent> received = recorder.awaitValues(
                CallbackEvent.class,
                events -> events.stream()
                                .filter(e -> ours.contains(e.getOrderId()))
                                .count()
                        >= 10_000,
                Duration.ofMinutes(2));

        Map<UUID, List<Long>> versionsByAggregate = new HashMap<>();
        received.stream()
                .filter(e -> ours.contains(e.getOrderId()))
                .forEach(e -> versionsByAggregate
                        .computeIfAbsent(e.getOrderId(), k -> new ArrayList<>())
                        .add(e.getVersion()));
        assertThat(versionsByAggregate).hasSize(100);
        List<Long> oneToHundred =
                IntStream.rangeClosed(1, 100).mapToObj(Long::valueOf).toList();
        versionsByAggregate.forEach((aggregate, versions) -> assertThat(versions)
                .as("versions of %s in arrival order", aggregate)
                .isEqualTo(oneToHundred));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.fetchCount(io.orderhub.messaging.jooq.Tables.OUTBOX) == 0);
    }

    @Test
    void losesNothingWhenARelayDiesAfterTheCommitBeforePublishing() throws Exception {
        // The service's relay steps aside, and a relay that cannot reach Kafka takes the lock.
        relay.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !relay.isLeader());
        OutboxRelay doomed = relayTo("127.0.0.1:" + closedPort());
        doomed.start();
        await().atMost(Duration.ofSeconds(10)).until(doomed::isLeader);

        UUID aggregate = UUID.randomUUID();
        List<UUID> committed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            committed.add(appendTestEvent.append(aggregate));
        }
        // It read the rows and sent them into the void; now it dies without publishing anything.
        doomed.stop();
        assertThat(recorder.values(CallbackEvent.class))
                .noneMatch(e -> e.getOrderId().equals(aggregate));

        OutboxRelay survivor = relayTo(TestKafka.bootstrapServers());
        survivor.start();
        try {
            List<CallbackEvent> arrived = recorder.awaitValues(
                    CallbackEvent.class,
                    events -> events.stream()
                                    .filter(e -> e.getOrderId().equals(aggregate))
                                    .count()
                            >= 200,
                    Duration.ofSeconds(60));
            assertThat(arrived.stream()
                            .filter(e -> e.getOrderId().equals(aggregate))
                            .map(CallbackEvent::getEventId))
                    .containsExactlyElementsOf(committed);
        } finally {
            survivor.stop();
            relay.start();
        }
    }

    @Test
    void stopsPromptlyAndReleasesItsLockWhileKafkaIsUnreachable() throws Exception {
        relay.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !relay.isLeader());
        UUID aggregate = UUID.randomUUID();
        List<UUID> committed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            committed.add(appendTestEvent.append(aggregate));
        }
        // Each of its sends waits up to max.block.ms (2 s) for metadata that never comes: 50 rows would
        // keep a relay that sends them all in its round, and its lock, for 100 s.
        OutboxRelay doomed = relayTo("127.0.0.1:" + closedPort());
        doomed.start();
        await().atMost(Duration.ofSeconds(10)).until(doomed::isLeader);

        doomed.stop();

        assertThat(doomed.isLeader()).isFalse();
        relay.start();
        List<CallbackEvent> arrived = recorder.awaitValues(
                CallbackEvent.class,
                events -> events.stream()
                                .filter(e -> e.getOrderId().equals(aggregate))
                                .count()
                        >= 50,
                Duration.ofSeconds(60));
        assertThat(arrived.stream()
                        .filter(e -> e.getOrderId().equals(aggregate))
                        .map(CallbackEvent::getEventId))
                .containsExactlyElementsOf(committed);
    }

    @Test
    void onlyOneInstanceRelaysAtATimeAndAStandbyTakesOver() {
        OutboxRelay standby = relayTo(TestKafka.bootstrapServers());
        standby.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(relay::isLeader);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !standby.isLeader());

            relay.stop();
            await().atMost(Duration.ofSeconds(15)).until(standby::isLeader);

            UUID aggregate = UUID.randomUUID();
            UUID eventId = appendTestEvent.append(aggregate);
            recorder.awaitValues(
                    CallbackEvent.class,
                    events -> events.stream().anyMatch(e -> e.getEventId().equals(eventId)),
                    Duration.ofSeconds(30));
        } finally {
            standby.stop();
            relay.start();
        }
    }

    @Test
    void handsItsConnectionBackWithoutItsLockAndWithSynchronousCommitAsTheSessionHadIt() throws Exception {
        relay.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !relay.isLeader());
        HikariDataSource shared = (HikariDataSource) dataSource;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(shared.getJdbcUrl());
        config.setUsername(shared.getUsername());
        config.setPassword(shared.getPassword());
        config.setSchema(shared.getSchema());
        config.setMaximumPoolSize(1);
        // The session's own setting, whatever the server's default: the relay turns it off for its deletes,
        // and the next borrower of the connection must find it as the session started.
        config.addDataSourceProperty("options", "-c synchronous_commit=on");
        try (HikariDataSource oneConnection = new HikariDataSource(config)) {
            OutboxRelay relayOnIt = relayTo(oneConnection, TestKafka.bootstrapServers());
            relayOnIt.start();
            await().atMost(Duration.ofSeconds(10)).until(relayOnIt::isLeader);
            UUID eventId = appendTestEvent.append(UUID.randomUUID());
            recorder.awaitValues(
                    CallbackEvent.class,
                    events -> events.stream().anyMatch(e -> e.getEventId().equals(eventId)),
                    Duration.ofSeconds(30));

            relayOnIt.stop();

            try (Connection connection = oneConnection.getConnection();
                    Statement statement = connection.createStatement()) {
                assertThat(single(statement, "show synchronous_commit")).isEqualTo("on");
                assertThat(single(
                                statement,
                                "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()"))
                        .isEqualTo("0");
            }
        } finally {
            relay.start();
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private OutboxRelay relayTo(String bootstrapServers) {
        return relayTo(dataSource, bootstrapServers);
    }

    private OutboxRelay relayTo(DataSource relayDataSource, String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                2000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                1500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                3000);
        OutboxProperties properties =
                new OutboxProperties(true, Duration.ofMillis(20), 500, Duration.ofMillis(200), Duration.ofSeconds(5));
        return new OutboxRelay(relayDataSource, () -> producer(config), properties, OutboxMetrics.NONE);
    }

    private static Producer<String, byte[]> producer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
