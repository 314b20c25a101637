package io.orderhub.bench.outbox;

import static io.orderhub.messaging.jooq.Tables.OUTBOX;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.orderhub.bench.BenchResults;
import io.orderhub.bench.DurablePostgres;
import io.orderhub.bench.TopicOffsets;
import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.messaging.outbox.OutboxProperties;
import io.orderhub.messaging.outbox.OutboxRelay;
import io.orderhub.schemas.EventTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The outbox relay against Kafka's own producer, in one run on one broker.
 *
 * <ol>
 *   <li>Kafka's {@code ProducerPerformance}: 600-byte records, {@code acks=all}, idempotent, at the
 *       latency rate (send → ack percentiles), then unthrottled (peak records/s).
 *   <li>The relay ({@link OutboxRelay}, configured as in the services) on a durable PostgreSQL 15:
 *       writers commit one ~600-byte outbox row per transaction at the same rate, each after locking
 *       its order's row; commit → Kafka acknowledgement per row. Then a backlog, written with the relay
 *       off, drained: rows/s acknowledged by Kafka.
 *   <li>Both, the ratios and the targets, to {@code bench/results/outbox-relay.{json,md}}.
 * </ol>
 *
 * <p>It also checks what it measures: every committed row reaches the topic exactly once, and the outbox
 * ends empty; a run that loses or duplicates a row fails.
 */
public final class OutboxRelayBench {

    static final String BROKER_TOPIC = "bench.producer-performance";
    static final String RELAY_TOPIC = EventTopic.ORDER_EVENTS.topicName();
    static final int PARTITIONS = 12;
    static final int ORDERS = 1_000;
    static final int PRELOAD_ROWS_PER_TRANSACTION = 500;

    /** Issue 2: commit → ack p99 within 2 × the broker's own produce p99 at the same rate. */
    static final double LATENCY_TARGET = 2.0;
    /** Issue 2: relay throughput at least 0.25 × the broker's peak. */
    static final double THROUGHPUT_TARGET = 0.25;

    private final BenchSettings settings;
    private final Path work;
    private final BenchResults results = new BenchResults("outbox-relay");
    /** Correctness failures: a lost or duplicated row fails the run. */
    private final List<String> problems = new ArrayList<>();
    /** Conditions that make the figures unreliable, such as a machine too busy to hold the rate. */
    private final List<String> warnings = new ArrayList<>();

    private OutboxRelayBench(BenchSettings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = BenchResults.root();
        Path work = root.resolve("bench").resolve("target").resolve("outbox-relay");
        deleteRecursively(work);
        Files.createDirectories(work);
        OutboxRelayBench bench = new OutboxRelayBench(settings, work);
        bench.run();
        bench.results.write(root);
        if (!bench.problems.isEmpty()) {
            System.err.println("The run found problems: " + bench.problems);
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("load_average_at_start", loadAverage());
        results.figure("settings", settings.describe());

        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0);
                DurablePostgres postgres = DurablePostgres.start(work.resolve("postgres"));
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(BROKER_TOPIC, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            results.figure("postgres", postgres.describe());
            results.figure("kafka", kafkaDescription(broker));

            try (ConfigurableApplicationContext service = startService(broker, postgres)) {
                Map<String, Object> brokerLatency = brokerLatency(broker);
                Map<String, Object> relayLatency = relayLatency(service, admin);
                Map<String, Object> brokerPeak = brokerPeak(broker);
                Map<String, Object> relayThroughput = relayThroughput(service, admin);
                results.figure("kafka_producer_performance_at_rate", brokerLatency);
                results.figure("relay_latency_at_rate", relayLatency);
                results.figure("kafka_producer_performance_peak", brokerPeak);
                results.figure("relay_throughput", relayThroughput);
                results.figure("targets", targets(brokerLatency, relayLatency, brokerPeak, relayThroughput));
            }
        }
        double loadAtEnd = loadAverage();
        machine.put("load_average_at_end", loadAtEnd);
        machine.put("run_s", Math.round((System.nanoTime() - started) / 1e9));
        int cores = Runtime.getRuntime().availableProcessors();
        if ((double) machine.get("load_average_at_start") > cores || loadAtEnd > cores + 3) {
            warnings.add("the machine was busy (load average " + machine.get("load_average_at_start")
                    + " at the start, "
                    + loadAtEnd + " at the end, on " + cores + " cores; the run itself adds about 3): the figures are"
                    + " noisy");
        }
        results.figure("run", machine);
        if (!warnings.isEmpty()) {
            results.figure("warnings", warnings);
            results.line("");
            warnings.forEach(warning -> results.line("- Warning: " + warning + "."));
        }
        if (!problems.isEmpty()) {
            results.figure("problems", problems);
            results.line("");
            problems.forEach(problem -> results.line("- PROBLEM: " + problem + "."));
        }
    }

    // ---------------------------------------------------------------- Kafka's ProducerPerformance

    private Map<String, Object> brokerLatency(KafkaBroker broker) {
        // A discarded run first, so the broker is as warm as the relay's writers find it after their warm-up.
        ProducerPerformanceRun.run(
                broker.bootstrapServers(),
                BROKER_TOPIC,
                settings.rate() * settings.warmUp().toSeconds(),
                settings.recordSize(),
                settings.rate(),
                work,
                "warm-up");
        ProducerPerformanceRun.Result result = ProducerPerformanceRun.run(
                broker.bootstrapServers(),
                BROKER_TOPIC,
                settings.rate() * settings.latencyDuration().toSeconds(),
                settings.recordSize(),
                settings.rate(),
                work,
                "at-rate");
        log("ProducerPerformance at " + settings.rate() + "/s: " + result.summary());
        if (result.recordsPerSecond() < 0.95 * settings.rate()) {
            warnings.add("ProducerPerformance reached only " + result.recordsPerSecond() + " of " + settings.rate()
                    + " records/s in its latency run");
        }
        Map<String, Object> described = result.describe();
        described.put("throughput_option", settings.rate());
        described.put("producer_props", ProducerPerformanceRun.producerProps("<broker>"));
        return described;
    }

    private Map<String, Object> brokerPeak(KafkaBroker broker) {
        ProducerPerformanceRun.Result result = ProducerPerformanceRun.run(
                broker.bootstrapServers(),
                BROKER_TOPIC,
                settings.peakRecords(),
                settings.recordSize(),
                -1,
                work,
                "peak");
        log("ProducerPerformance unthrottled: " + result.summary());
        Map<String, Object> described = result.describe();
        described.put("throughput_option", -1);
        return described;
    }

    // ---------------------------------------------------------------- the relay

    private ConfigurableApplicationContext startService(KafkaBroker broker, DurablePostgres postgres) {
        SpringApplication application = new SpringApplication(RelayBenchApplication.class);
        ConfigurableApplicationContext context = application.run(
                "--spring.config.import=classpath:orderhub-messaging.yml",
                "--spring.application.name=outbox-relay-bench",
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                // A throw-away database on this machine; its password is no secret (http-api's start-up guard).
                "--orderhub.secrets.allow-examples=true",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.username(),
                "--spring.datasource.hikari.maximum-pool-size=" + (settings.writers() + 4),
                "--spring.flyway.locations=classpath:db/orderhub/messaging,classpath:db/bench",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.kafka.producer.properties.interceptor.classes=" + AckInterceptor.class.getName(),
                "--orderhub.topics.partitions=" + PARTITIONS,
                "--bench.payload-bytes=" + settings.recordSize(),
                "--logging.level.root=WARN",
                "--logging.level.io.orderhub=INFO");
        DSLContext db = context.getBean(DSLContext.class);
        for (int i = 0; i < ORDERS; i++) {
            db.insertInto(AppendOrderEvent.BENCH_ORDER)
                    .set(AppendOrderEvent.ID, UUID.randomUUID())
                    .set(AppendOrderEvent.VERSION, 0L)
                    .execute();
        }
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        awaitTrue("the relay to take its lock", Duration.ofSeconds(30), relay::isLeader);
        return context;
    }

    private Map<String, Object> relayLatency(ConfigurableApplicationContext service, Admin admin) throws Exception {
        AppendOrderEvent append = service.getBean(AppendOrderEvent.class);
        DSLContext db = service.getBean(DSLContext.class);
        AckTracker tracker = AckTracker.INSTANCE;
        List<UUID> orders = db.select(AppendOrderEvent.ID)
                .from(AppendOrderEvent.BENCH_ORDER)
                .fetch(AppendOrderEvent.ID);
        long offsetsBefore = TopicOffsets.endOffsetSum(admin, RELAY_TOPIC);

        log("Relay latency: warm-up, " + settings.warmUp().toSeconds() + " s at " + settings.rate() + " rows/s");
        RateDriver.Result warmUp = RateDriver.run(
                settings.rate(),
                settings.warmUp(),
                settings.writers(),
                i -> append.append(randomOf(orders), UUID.randomUUID()));
        log("Relay latency: measuring, " + settings.latencyDuration().toSeconds() + " s");
        Timer lag = lagTimer(service);
        long lagCountBefore = lag == null ? 0 : lag.count();
        double lagTotalBefore = lag == null ? 0 : lag.totalTime(TimeUnit.MILLISECONDS);
        tracker.takeCommitToAck();
        tracker.takeAppendToAck();
        RelayThreadSampler profile = settings.profileRelay() ? RelayThreadSampler.start(5_000) : null;
        RateDriver.Result measured =
                RateDriver.run(settings.rate(), settings.latencyDuration(), settings.writers(), i -> {
                    UUID eventId = UUID.randomUUID();
                    tracker.expect(eventId);
                    append.append(randomOf(orders), eventId);
                });
        if (profile != null) {
            profile.close();
        }
        if (!awaitTrue(
                "every measured row's acknowledgement", Duration.ofSeconds(60), () -> tracker.unacknowledged() == 0)) {
            problems.add(tracker.unacknowledged() + " committed rows of the latency run were never acknowledged");
        }
        if (!awaitTrue("an empty outbox", Duration.ofSeconds(30), () -> db.fetchCount(OUTBOX) == 0)) {
            problems.add("the outbox kept " + db.fetchCount(OUTBOX) + " rows after the latency run");
        }
        if (measured.achievedPerSecond() < 0.95 * settings.rate()) {
            warnings.add("the writers committed only " + Math.round(measured.achievedPerSecond()) + " of "
                    + settings.rate() + " rows/s (their transactions queued, " + measured.maxQueued()
                    + " at most), so the relay saw bursts rather than a steady rate");
        }
        Histogram commitToAck = tracker.takeCommitToAck();
        Histogram appendToAck = tracker.takeAppendToAck();
        long published = TopicOffsets.endOffsetSum(admin, RELAY_TOPIC) - offsetsBefore;
        long committed = warmUp.committed() + measured.committed();
        if (published != committed) {
            problems.add("latency run: " + committed + " rows committed, " + published + " records on the topic");
        }

        Map<String, Object> described = new LinkedHashMap<>();
        described.put("commit_to_ack", latency(commitToAck));
        described.put("insert_to_ack", latency(appendToAck));
        described.put("relay_lag_metric", lagMetric(lag, lagCountBefore, lagTotalBefore));
        Map<String, Object> writers = measured.describe();
        writers.put("intended_start_to_commit", latency(measured.intendedToCommit()));
        writers.put("warm_up_committed", warmUp.committed());
        described.put("writers", writers);
        described.put("records_on_topic", published);
        described.put("acked_before_commit_returned", tracker.ackedBeforeCommitReturned());
        described.put("failed_sends", tracker.failedAcks());
        described.put("relay_settings", relaySettings(service));
        if (profile != null) {
            described.put("relay_thread_profile", profile.describe());
        }
        log("Relay commit → ack: " + described.get("commit_to_ack"));
        return described;
    }

    private Map<String, Object> relayThroughput(ConfigurableApplicationContext service, Admin admin) throws Exception {
        OutboxRelay relay = service.getBean(OutboxRelay.class);
        PreloadBacklog preload = service.getBean(PreloadBacklog.class);
        DSLContext db = service.getBean(DSLContext.class);
        List<UUID> orders = db.select(AppendOrderEvent.ID)
                .from(AppendOrderEvent.BENCH_ORDER)
                .fetch(AppendOrderEvent.ID);

        relay.stop();
        awaitTrue("the relay to stop", Duration.ofSeconds(30), () -> !relay.isLeader());
        int transactions = Math.max(1, settings.backlogRows() / PRELOAD_ROWS_PER_TRANSACTION);
        long rows = (long) transactions * PRELOAD_ROWS_PER_TRANSACTION;
        List<List<UUID>> chunks = IntStream.range(0, ORDERS / PRELOAD_ROWS_PER_TRANSACTION)
                .mapToObj(c -> orders.subList(c * PRELOAD_ROWS_PER_TRANSACTION, (c + 1) * PRELOAD_ROWS_PER_TRANSACTION))
                .toList();
        log("Relay throughput: preloading " + rows + " rows with the relay off");
        long preloadStart = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(chunks.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int chunk = 0; chunk < chunks.size(); chunk++) {
                List<UUID> ids = chunks.get(chunk);
                int first = chunk;
                // Each thread owns its orders, so each order's versions are appended in order.
                done.add(writers.submit(() -> {
                    for (int t = first; t < transactions; t += chunks.size()) {
                        preload.append(ids, 1_000_000L + t / chunks.size());
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
        double preloadSeconds = (System.nanoTime() - preloadStart) / 1e9;
        int backlog = db.fetchCount(OUTBOX);
        if (backlog != rows) {
            problems.add("the preloaded outbox holds " + backlog + " rows, not " + rows);
        }

        long offsetsBefore = TopicOffsets.endOffsetSum(admin, RELAY_TOPIC);
        AckTracker.Drain drain = AckTracker.INSTANCE.startDrain(rows);
        log("Relay throughput: draining");
        RelayThreadSampler profile = settings.profileRelay() ? RelayThreadSampler.start(5_000) : null;
        long start = System.nanoTime();
        relay.start();
        boolean drained = drain.await(Math.max(300, rows / 500), TimeUnit.SECONDS);
        if (profile != null) {
            profile.close();
        }
        long acked = drain.acked();
        AckTracker.INSTANCE.stopDrain();
        long emptyAt = 0;
        if (awaitTrue("the outbox to be empty", Duration.ofSeconds(60), () -> db.fetchCount(OUTBOX) == 0)) {
            emptyAt = System.nanoTime();
        } else {
            problems.add("the outbox kept " + db.fetchCount(OUTBOX) + " rows after the drain");
        }
        long published = TopicOffsets.endOffsetSum(admin, RELAY_TOPIC) - offsetsBefore;
        if (!drained) {
            problems.add("the drain acknowledged " + acked + " of " + rows + " rows in time");
        }
        if (published != rows) {
            problems.add("throughput run: " + rows + " rows in the backlog, " + published + " records on the topic");
        }

        Map<String, Object> described = new LinkedHashMap<>();
        described.put("backlog_rows", rows);
        described.put("preload_rows_per_s", Math.round(rows / preloadSeconds));
        if (drained) {
            double seconds = (drain.lastAt() - start) / 1e9;
            double steadyRows = drain.rows() * 9 / 10 - Math.max(1, drain.rows() / 10);
            double steadySeconds = (drain.ninetiethAt() - drain.tenthAt()) / 1e9;
            described.put("rows_per_s", Math.round(rows / seconds));
            described.put("rows_per_s_10_to_90_percent", Math.round(steadyRows / steadySeconds));
            described.put("relay_start_to_last_ack_s", round3(seconds));
            described.put("relay_start_to_first_ack_ms", round3((drain.firstAt() - start) / 1e6));
            if (emptyAt > 0) {
                described.put("relay_start_to_empty_outbox_s", round3((emptyAt - start) / 1e9));
            }
        }
        described.put("records_on_topic", published);
        described.put("failed_sends", AckTracker.INSTANCE.failedAcks());
        if (profile != null) {
            described.put("relay_thread_profile", profile.describe());
        }
        log("Relay throughput: " + described);
        return described;
    }

    // ---------------------------------------------------------------- results

    private Map<String, Object> targets(
            Map<String, Object> brokerLatency,
            Map<String, Object> relayLatency,
            Map<String, Object> brokerPeak,
            Map<String, Object> relayThroughput) {
        Map<String, Object> targets = new LinkedHashMap<>();
        int brokerP99 = (int) brokerLatency.get("p99_ms");
        @SuppressWarnings("unchecked")
        double relayP99 = (double) ((Map<String, Object>) relayLatency.get("commit_to_ack")).get("p99_ms");
        // The tool prints whole milliseconds; a p99 below 1 ms would make the ratio meaningless.
        double latencyRatio = relayP99 / Math.max(1, brokerP99);
        targets.put("commit_to_ack_p99_ms", relayP99);
        targets.put("broker_p99_ms", brokerP99);
        targets.put("latency_ratio", round3(latencyRatio));
        targets.put("latency_target_ratio_at_most", LATENCY_TARGET);
        targets.put("latency_met", latencyRatio <= LATENCY_TARGET);

        double brokerPeakRate = (double) brokerPeak.get("records_per_s");
        Object relayRate = relayThroughput.get("rows_per_s");
        targets.put("relay_rows_per_s", relayRate);
        targets.put("broker_peak_records_per_s", brokerPeakRate);
        if (relayRate instanceof Long rate) {
            double throughputRatio = rate / brokerPeakRate;
            targets.put("throughput_ratio", round3(throughputRatio));
            targets.put("throughput_target_ratio_at_least", THROUGHPUT_TARGET);
            targets.put("throughput_met", throughputRatio >= THROUGHPUT_TARGET);
        }

        results.line("Outbox relay against Kafka's own ProducerPerformance, in one run on one KRaft broker ("
                + PARTITIONS + " partitions per topic, `acks=all`, idempotent producers), mode `" + settings.mode()
                + "`. PostgreSQL 15 with fsync and synchronous_commit on.");
        results.line("");
        results.line("- Latency at " + settings.rate() + "/s: relay commit → ack p99 " + relayP99
                + " ms vs. ProducerPerformance send → ack p99 " + brokerP99 + " ms: ratio " + round3(latencyRatio)
                + " (target ≤ " + LATENCY_TARGET + ") — " + (latencyRatio <= LATENCY_TARGET ? "met" : "missed")
                + ".");
        results.line("- Throughput: relay drains a backlog at " + relayRate + " rows/s vs. ProducerPerformance peak "
                + brokerPeakRate + " records/s: ratio " + targets.get("throughput_ratio") + " (target ≥ "
                + THROUGHPUT_TARGET + ") — "
                + (Boolean.TRUE.equals(targets.get("throughput_met")) ? "met" : "missed") + ".");
        results.line("");
        results.line("How it is measured: commit → ack runs from the moment a writer's commit returned (a"
                + " transaction synchronisation) to the moment the relay's producer received the broker's"
                + " acknowledgement of that row's record (a producer interceptor, `id` header), on one clock;"
                + " production code is unchanged. `insert_to_ack` starts just before the outbox insert, and"
                + " `relay_lag_metric` is the relay's own `orderhub.outbox.lag` timer (insert → ack as the relay"
                + " sees it; Micrometer's percentiles are windowed), an upper bound. ProducerPerformance prints"
                + " whole milliseconds and includes its own JVM's start (it has no warm-up option); a discarded"
                + " run warms the broker first. Throughput: rows preloaded with the relay off, then the relay"
                + " started; rows/s from its start to Kafka's acknowledgement of the last row. Every committed row"
                + " is checked to reach the topic exactly once.");
        results.line("");
        results.line("Run: `bench/run OutboxRelayBench` (full) or `bench/run OutboxRelayBench --quick` (smoke run)."
                + " `--profile-relay` adds where the relay thread's wall-clock time goes; see bench/README.md.");
        return targets;
    }

    private static Map<String, Object> latency(Histogram micros) {
        return BenchResults.percentiles(micros);
    }

    private static Map<String, Object> lagMetric(Timer lag, long countBefore, double totalBefore) {
        Map<String, Object> described = new LinkedHashMap<>();
        if (lag == null) {
            described.put("missing", "orderhub.outbox.lag was not registered");
            return described;
        }
        long count = lag.count() - countBefore;
        described.put("count", count);
        described.put("mean_ms", count == 0 ? 0 : round3((lag.totalTime(TimeUnit.MILLISECONDS) - totalBefore) / count));
        HistogramSnapshot snapshot = lag.takeSnapshot();
        for (ValueAtPercentile percentile : snapshot.percentileValues()) {
            described.put(
                    "p" + Math.round(percentile.percentile() * 100) + "_ms_windowed",
                    round3(percentile.value(TimeUnit.MILLISECONDS)));
        }
        described.put("max_ms_windowed", round3(snapshot.max(TimeUnit.MILLISECONDS)));
        return described;
    }

    private static Timer lagTimer(ConfigurableApplicationContext service) {
        return service.getBean(MeterRegistry.class)
                .find("orderhub.outbox.lag")
                .tag("topic", RELAY_TOPIC)
                .timer();
    }

    private static Map<String, Object> relaySettings(ConfigurableApplicationContext service) {
        OutboxProperties properties = service.getBean(OutboxProperties.class);
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("poll_interval_ms", properties.pollInterval().toMillis());
        described.put("batch_size", properties.batchSize());
        described.put(
                "producer",
                "acks=all, enable.idempotence=true, max.in.flight=5, linger.ms=1 (OutboxAutoConfiguration)");
        return described;
    }

    private static Map<String, Object> kafkaDescription(KafkaBroker broker) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(
                "broker",
                "single KRaft node in a child JVM (local-platform KafkaBroker, "
                        + String.join(" ", KafkaBroker.DEFAULT_JVM_OPTIONS) + "), default flush settings");
        described.put("partitions_per_topic", PARTITIONS);
        described.put("producer_performance_topic", BROKER_TOPIC);
        described.put("relay_topic", RELAY_TOPIC);
        return described;
    }

    // ---------------------------------------------------------------- helpers

    /** Polls every 50 ms; false when the condition did not come true in time. */
    private static boolean awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                System.err.println("Gave up waiting for " + what + " after " + timeout);
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
        return true;
    }

    private static UUID randomOf(List<UUID> orders) {
        return orders.get(ThreadLocalRandom.current().nextInt(orders.size()));
    }

    private static double loadAverage() {
        return round3(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void log(String message) {
        System.out.println("[outbox-relay-bench] " + message);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
