package io.orderhub.bench.orders;

import io.orderhub.bench.BenchResults;
import io.orderhub.bench.CpuTimes;
import io.orderhub.bench.Pgbench;
import io.orderhub.bench.TopicOffsets;
import io.orderhub.local.Database;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.local.postgres.LocalPostgres;
import io.orderhub.testsupport.WooCommercePlugin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Order creation through HTTP, as the WooCommerce plugin does it, against order-service running from its
 * jar on a real PostgreSQL 15 (embedded, default durability: fsync and synchronous commit on) and a real
 * KRaft broker; and, in the same run and on the same PostgreSQL server, pgbench with a script doing the
 * inserts of one order creation in one transaction — PostgreSQL's own limit for that transaction here.
 *
 * <p>Clients are closed-loop: each sends its next order when the previous one was answered. Every request
 * is the plugin's payload (line-total items, billing metadata) with its own {@code source_order_id}, a
 * customer from a pool of 100,000 e-mail addresses (so upserts both insert and update) and its own
 * Idempotency-Key ({@code wc_<n>_<timestamp>}, as the plugin makes them). {@code RATE_LIMIT} is set high:
 * a 429 is a failure here. Measured per concurrency: sustained orders per second (2xx answers per
 * second after a warm-up), latency from request sent to answer received (HdrHistogram), answers that
 * were not 2xx; afterwards that every created order is in the database and its {@code CREATED} event on
 * {@code orderhub.order-events.v1}.
 *
 * <p>The warm-up is long because the service's JIT compilers compete for the same two cores: after 40 s of
 * warm-up they were still compiling through the measured run (JFR: C2 compiling jOOQ's and pgjdbc's hot
 * methods), the service spent 16 ms of CPU per order and managed 76 orders/s; after 150 s, 7 ms and 148/s.
 * The CPU the service's compiler threads spend while measured is reported ({@code service_jit_ms}), with a
 * warning when it is more than a twentieth of the service's.
 *
 * <p>Arguments: {@code [seconds=60] [warmupSeconds=150] [clients=16,64] [pgbenchSeconds=30]}. Set
 * {@code BENCH_JFR=<file.jfr>} to record a Java Flight Recording of the service during the measured runs.
 * Run with {@code bench/run OrderCreationBench}; the figures are only as good as the idle cores behind
 * them.
 */
public final class OrderCreationBench {

    private static final String API_KEY = "bench-woocommerce-key-0001";
    private static final String ORDER_TOPIC = "orderhub.order-events.v1";
    private static final int CUSTOMERS = 100_000;

    private OrderCreationBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        List<Integer> concurrencies = args.length > 2
                ? java.util.Arrays.stream(args[2].split(","))
                        .map(Integer::valueOf)
                        .toList()
                : List.of(16, 64);
        int pgbenchSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("order-creation-bench");
        List<String> serviceJvm = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        String jfr = System.getenv("BENCH_JFR");
        if (jfr != null && !jfr.isBlank()) {
            serviceJvm.add("-XX:StartFlightRecording=settings=profile,filename="
                    + Path.of(jfr).toAbsolutePath());
        }
        double loadBefore = loadAverage();

        try (LocalPostgres postgres = LocalPostgres.startPersistent(work.resolve("postgres"), 0);
                KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            postgres.ensureDatabase("orderhub", "orderhub", "orderhub");
            Database database = new Database(postgres.jdbcUrl("orderhub"), "orderhub", "orderhub");
            Map<String, Object> figures = new LinkedHashMap<>();
            Map<Integer, Run> runs = new LinkedHashMap<>();
            long[] postmaster = {-1};
            long createdOverall;
            try (Platform service = Platform.builder(root)
                    .only(Service.ORDER_SERVICE)
                    .httpPort(Platform.freePortBlock())
                    .logDirectory(work.resolve("logs"))
                    .jvmOptions(serviceJvm)
                    .database(Service.ORDER_SERVICE, database)
                    .environment(serviceEnvironment(broker.bootstrapServers()))
                    .start()) {
                URI orders = service.url(Service.ORDER_SERVICE).resolve("/api/v1/orders");
                System.out.printf(
                        "order-service on %s, PostgreSQL on %d, Kafka on %s; %d s warm-up, %d s per run, clients %s%n",
                        orders, postgres.port(), broker.bootstrapServers(), warmupSeconds, seconds, concurrencies);

                long servicePid = service.process(Service.ORDER_SERVICE).pid();
                long postmasterPid = CpuTimes.postmaster(work.resolve("postgres"));
                long kafkaPid = CpuTimes.find(cmd -> cmd.contains("KafkaBrokerMain")
                        && cmd.contains(work.resolve("kafka").toString()));
                CpuTimes cpu = new CpuTimes(List.of(
                        new CpuTimes.Part("service", servicePid, CpuTimes.Scope.PROCESS),
                        new CpuTimes.Part("service_jit", servicePid, CpuTimes.Scope.JIT_THREADS),
                        new CpuTimes.Part("postgres", postmasterPid, CpuTimes.Scope.TREE),
                        new CpuTimes.Part("kafka", kafkaPid, CpuTimes.Scope.PROCESS),
                        new CpuTimes.Part(
                                "load_generator", ProcessHandle.current().pid(), CpuTimes.Scope.PROCESS)));
                postmaster[0] = postmasterPid;
                AtomicLong sequence = new AtomicLong();
                Run warmup = run(orders, concurrencies.get(0), Duration.ofSeconds(warmupSeconds), sequence);
                long created = warmup.created;
                for (int clients : concurrencies) {
                    Map<String, Long> before = cpu.read();
                    Run measured = run(orders, clients, Duration.ofSeconds(seconds), sequence);
                    Map<String, Long> after = cpu.read();
                    measured.cpu = cpu.perUnit(before, after, measured.created);
                    measured.cpu.put(
                            "cores_used",
                            cpu.coresUsed(before, after, measured.elapsed).get("all_of_the_run"));
                    runs.put(clients, measured);
                    created += measured.created;
                    System.out.printf(
                            "%d clients: %.1f orders/s, p50 %.2f ms, p99 %.2f ms, %d not 2xx; CPU per order %s%n",
                            clients,
                            measured.perSecond(),
                            measured.latency.getValueAtPercentile(50) / 1000.0,
                            measured.latency.getValueAtPercentile(99) / 1000.0,
                            measured.failed,
                            measured.cpu);
                }
                createdOverall = created;
                figures.put("orders_in_database", countOrders(database));
                figures.put("created_events_on_topic", awaitEvents(broker.bootstrapServers(), created));
            }

            Map<Integer, Double> pgbench = new LinkedHashMap<>();
            Map<Integer, Object> pgbenchCpu = new LinkedHashMap<>();
            for (int clients : concurrencies) {
                CpuTimes postgresCpu =
                        new CpuTimes(List.of(new CpuTimes.Part("postgres", postmaster[0], CpuTimes.Scope.TREE)));
                Map<String, Long> before = postgresCpu.read();
                pgbench.put(clients, pgbench(postgres.port(), work, clients, pgbenchSeconds));
                double transactions = pgbench.get(clients) * pgbenchSeconds;
                pgbenchCpu.put(
                        clients,
                        postgresCpu
                                .perUnit(before, postgresCpu.read(), transactions)
                                .get("postgres_ms"));
                System.out.printf(
                        "pgbench, %d clients: %.1f transactions/s, PostgreSQL CPU %s ms per transaction%n",
                        clients, pgbench.get(clients), pgbenchCpu.get(clients));
            }

            BenchResults results = new BenchResults("order-creation")
                    .line("Order creation through HTTP (`POST /api/v1/orders`, the WooCommerce plugin's payload, a"
                            + " unique Idempotency-Key per request, `RATE_LIMIT` high) by closed-loop clients against the"
                            + " order-service jar (" + serviceJvm + "), PostgreSQL 15 (embedded, fsync and"
                            + " synchronous_commit on) and one KRaft broker, all on this machine; " + seconds
                            + " s per concurrency after a " + warmupSeconds + " s warm-up.")
                    .line("pgbench ran in the same run against the same PostgreSQL server with a script doing the"
                            + " inserts of one order creation in one transaction (customer upsert, order, item,"
                            + " history row, outbox row; prepared statements), " + pgbenchSeconds
                            + " s per concurrency. `ratio` = HTTP orders/s ÷ pgbench transactions/s.")
                    .line("The HTTP path does more than that transaction: the Idempotency-Key claim (its own short"
                            + " transaction), the rate-limit bucket, the stored answer, and the relay publishing and"
                            + " deleting each outbox row.")
                    .figure("measured_seconds", seconds)
                    .figure("warmup_seconds", warmupSeconds)
                    .figure("pgbench_seconds", pgbenchSeconds)
                    .figure("load_average_before", loadBefore)
                    .figure("load_average_after", loadAverage());
            for (int clients : concurrencies) {
                Run run = runs.get(clients);
                Map<String, Object> http = new LinkedHashMap<>();
                http.put("orders_per_second", round(run.perSecond()));
                http.put("created", run.created);
                http.put("not_2xx", run.failed);
                http.put("statuses", run.statuses);
                results.figure("http_" + clients + "_clients", http);
                results.latency("http_" + clients + "_clients_latency", run.latency);
                results.figure("http_" + clients + "_clients_cpu_ms_per_order", run.cpu);
                results.figure("pgbench_" + clients + "_clients_tps", round(pgbench.get(clients)));
                results.figure(
                        "pgbench_" + clients + "_clients_postgres_cpu_ms_per_transaction", pgbenchCpu.get(clients));
                results.figure(
                        "ratio_" + clients + "_clients",
                        Math.round(run.perSecond() / pgbench.get(clients) * 100) / 100.0);
            }
            figures.forEach(results::figure);
            results.figure("created_overall", createdOverall);
            List<String> warnings = new ArrayList<>();
            runs.forEach((clients, run) -> {
                double service = (double) run.cpu.get("service_ms");
                double jit = (double) run.cpu.get("service_jit_ms");
                if (jit > service / 20) {
                    warnings.add("with " + clients + " clients the service's JIT compilers spent " + jit + " of its "
                            + service + " ms of CPU per order: it was still compiling, a longer warm-up measures"
                            + " the steady state");
                }
            });
            if (loadBefore > Runtime.getRuntime().availableProcessors()) {
                warnings.add("the machine was busy (load average " + loadBefore + " before the run)");
            }
            if (!warnings.isEmpty()) {
                results.figure("warnings", warnings);
            }
            results.write(root);

            long notOk = runs.values().stream().mapToLong(r -> r.failed).sum();
            if (notOk > 0) {
                throw new IllegalStateException(notOk + " answers were not 2xx");
            }
            if ((long) figures.get("orders_in_database") != createdOverall) {
                throw new IllegalStateException(figures.get("orders_in_database") + " orders in the database for "
                        + createdOverall + " created");
            }
        }
    }

    /**
     * The service's variables: the contract's, plus any {@code BENCH_SERVICE_ENV} ({@code NAME=value,...})
     * for experiments such as another pool size.
     */
    private static Map<String, String> serviceEnvironment(String bootstrapServers) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        environment.put("SCHEMA_REGISTRY_URL", "mock://");
        environment.put("API_KEYS", "woocommerce:" + API_KEY + ";name=shop");
        environment.put("RATE_LIMIT", "100000000/1m");
        String extra = System.getenv("BENCH_SERVICE_ENV");
        if (extra != null && !extra.isBlank()) {
            for (String entry : extra.split(",")) {
                String[] pair = entry.split("=", 2);
                environment.put(pair[0].strip(), pair[1].strip());
            }
        }
        return environment;
    }

    private static final class Run {
        final long created;
        final long failed;
        final Duration elapsed;
        final Histogram latency;
        final Map<Integer, Long> statuses;
        Map<String, Object> cpu = new LinkedHashMap<>();

        Run(long created, long failed, Duration elapsed, Histogram latency, Map<Integer, Long> statuses) {
            this.created = created;
            this.failed = failed;
            this.elapsed = elapsed;
            this.latency = latency;
            this.statuses = statuses;
        }

        double perSecond() {
            return created / (elapsed.toNanos() / 1e9);
        }
    }

    private static Run run(URI endpoint, int clients, Duration length, AtomicLong sequence) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Client>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> new Client(endpoint, sequence).runWhile(running)));
        }
        // The run's length is the measurement itself, not synchronisation.
        TimeUnit.NANOSECONDS.sleep(length.toNanos());
        running.set(false);
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long created = 0;
        long failed = 0;
        Map<Integer, Long> statuses = new HashMap<>();
        for (Future<Client> future : futures) {
            Client client = future.get(2, TimeUnit.MINUTES);
            latency.add(client.latency);
            created += client.created;
            failed += client.failed;
            client.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdown();
        return new Run(created, failed, elapsed, latency, statuses);
    }

    /** One closed-loop channel connection, as one PHP worker of the shop. */
    private static final class Client {
        private final URI endpoint;
        private final AtomicLong sequence;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final Map<Integer, Long> statuses = new HashMap<>();
        private long created;
        private long failed;

        Client(URI endpoint, AtomicLong sequence) {
            this.endpoint = endpoint;
            this.sequence = sequence;
        }

        Client runWhile(AtomicBoolean running) {
            while (running.get()) {
                long n = sequence.incrementAndGet();
                HttpRequest request = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + API_KEY)
                        .header("Content-Type", "application/json")
                        .header(
                                "Idempotency-Key",
                                "wc_" + n + "_" + Instant.now().getEpochSecond())
                        .POST(HttpRequest.BodyPublishers.ofString(payload(n), StandardCharsets.UTF_8))
                        .build();
                long sent = System.nanoTime();
                int status;
                try {
                    status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException e) {
                    status = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return this;
                }
                latency.recordValue(Math.min(
                        TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent), latency.getHighestTrackableValue()));
                statuses.merge(status, 1L, Long::sum);
                if (status >= 200 && status < 300) {
                    created++;
                } else {
                    failed++;
                }
            }
            return this;
        }

        /** The plugin's payload for shop order {@code n}, from one of the pool's customers. */
        private static String payload(long n) {
            int customer = ThreadLocalRandom.current().nextInt(CUSTOMERS);
            return WooCommercePlugin.orderPayload(
                    Long.toString(n), Integer.toString(customer), "kunde" + customer + "@example.org");
        }
    }

    /**
     * pgbench against the benchmark's own server: the inserts of one order creation in one transaction.
     * The outbox payload is a realistic size for a serialised {@code CREATED} event.
     */
    private static double pgbench(int port, Path work, int clients, int seconds) throws Exception {
        Path script = work.resolve("order-creation.sql");
        Files.writeString(script, """
                \\set customer random(1, %d)
                BEGIN;
                INSERT INTO orders.customers (id, source, email, name, phone, created_at, updated_at)
                  VALUES (gen_random_uuid(), 'pgbench', 'kunde' || :customer || '@example.org', 'Anna Muster',
                          '+49 30 1234567', now(), now())
                  ON CONFLICT (source, email) DO UPDATE SET name = coalesce(excluded.name, customers.name),
                    phone = coalesce(excluded.phone, customers.phone), updated_at = excluded.updated_at
                  RETURNING id AS customer_ref \\gset
                INSERT INTO orders.orders (id, source, source_order_id, customer_id, customer_ref, status, version,
                    currency, currency_digits, subtotal, tax_total, shipping_total, discount_total, grand_total,
                    paid_amount, refunded_amount, metadata, created_at, updated_at)
                  VALUES (gen_random_uuid(), 'pgbench', gen_random_uuid()::text, '77', :customer_ref, 'pending', 1,
                    'EUR', 2, 39.80, 2.79, 4.90, 0, 47.49, 0, 0,
                    '{"billing_email": "anna@example.org", "billing_address": {"city": "Berlin"}}', now(), now())
                  ON CONFLICT (source, source_order_id) DO NOTHING
                  RETURNING id AS order_id \\gset
                INSERT INTO orders.order_items (id, order_id, position, product_id, sku, name, quantity, unit_price,
                    price, subtotal, tax, tax_rate, metadata)
                  VALUES (gen_random_uuid(), :order_id, 0, '501', 'MOJO-BOOK-01', 'Buch', 2, NULL, 39.80, 39.80, 2.79,
                    0.07, '{"woocommerce_item_id": "9"}');
                INSERT INTO orders.order_status_history (order_id, version, old_status, new_status, reason, changed_by,
                    changed_at)
                  VALUES (:order_id, 1, NULL, 'pending', NULL, 'shop', now());
                INSERT INTO orders.outbox (id, aggregatetype, aggregateid, type, topic, payload, tracingspancontext)
                  VALUES (gen_random_uuid(), 'order', :order_id, 'CREATED', 'orderhub.order-events.v1',
                    decode(repeat('0123456789abcdef', 80), 'hex'), NULL);
                COMMIT;
                """.formatted(CUSTOMERS));
        return Pgbench.tps(Pgbench.run(
                List.of(
                        "-h",
                        "localhost",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "orderhub",
                        "-n",
                        "-M",
                        "prepared",
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        Integer.toString(Math.min(clients, 4)),
                        "-T",
                        Integer.toString(seconds),
                        "-f",
                        script.toString(),
                        "orderhub"),
                Map.of("PGPASSWORD", "orderhub")));
    }

    private static long countOrders(Database database) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from orders.orders")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The CREATED events on the topic, once the relay has published at least {@code expected} (or 2 min passed). */
    private static long awaitEvents(String bootstrapServers, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long published;
        do {
            published = TopicOffsets.endOffsetSum(bootstrapServers, ORDER_TOPIC);
            if (published >= expected) {
                return published;
            }
            // Polling the broker's offsets while the relay drains its backlog; not a test.
            TimeUnit.MILLISECONDS.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return published;
    }

    private static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
