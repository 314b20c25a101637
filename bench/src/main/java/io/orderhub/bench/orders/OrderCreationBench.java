package io.orderhub.bench.orders;

import io.orderhub.bench.BenchPlatform;
import io.orderhub.bench.BenchResults;
import io.orderhub.bench.CpuTimes;
import io.orderhub.bench.FlightRecordings;
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
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

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
 * <p>With {@code edge} as the fifth argument the clients post to the whole platform as {@code bin/orderhub-local}
 * runs it — four services and the edge as separate processes ({@link BenchPlatform}) — through the edge, and
 * the CPU per order of every process is reported ({@code platform_ms} their sum); the results are then
 * {@code order-creation-through-edge}. Either way the start-up (until every process is healthy) and the
 * resident memory of every process after the runs are reported.
 *
 * <p>With rates as the sixth argument ({@code 250,300}), each closed-loop run is followed by paced runs: the first
 * concurrency's clients send on a shared open-loop schedule of that many orders per second, and latency counts from
 * when a request was due, not when a free client sent it (a backlog shows as latency, not as fewer requests). A
 * closed loop at full speed measures capacity, and its latency is the clients' number divided by the rate (Little's
 * law); the paced runs measure the latency at a given rate below it.
 *
 * <p>Arguments: {@code [seconds=60] [warmupSeconds=150] [clients=16,64] [pgbenchSeconds=30] [service|edge]
 * [rates]}.
 * Set {@code BENCH_JFR=<file.jfr>} to record a Java Flight Recording of order-service (alone) during the runs;
 * through the edge, {@code BENCH_JFR=<directory>} records every JVM of the platform from its start and writes each
 * one's recording after each closed-loop run ({@link FlightRecordings}: {@code <directory>/<clients>-clients/<process>.jfr}).
 * Run with {@code bench/run OrderCreationBench}; the figures are only as good as the idle cores behind
 * them.
 */
public final class OrderCreationBench {

    private static final String API_KEY = "bench-woocommerce-key-0001";
    private static final String ORDER_TOPIC = "orderhub.order-events.v1";
    private static final int CUSTOMERS = 100_000;
    /** As the plugin sends it: no charset parameter. */
    private static final ContentType JSON = ContentType.create("application/json");

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
        boolean throughEdge = args.length > 4 && args[4].equals("edge");
        List<Integer> rates = args.length > 5
                ? java.util.Arrays.stream(args[5].split(","))
                        .map(Integer::valueOf)
                        .toList()
                : List.of();
        String jfr = System.getenv("BENCH_JFR");
        Path recordings = jfr == null || jfr.isBlank() ? null : Path.of(jfr);
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("order-creation-bench");
        double loadBefore = loadAverage();

        try (LocalPostgres postgres = LocalPostgres.startPersistent(work.resolve("postgres"), 0);
                KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            Map<String, Object> figures = new LinkedHashMap<>();
            Map<Integer, Run> runs = new LinkedHashMap<>();
            Map<Integer, Run> pacedRuns = new LinkedHashMap<>();
            long postmaster = CpuTimes.postmaster(work.resolve("postgres"));
            long createdOverall;
            Database database;
            String setting;
            try (Target target = throughEdge
                    ? Target.platform(root, work, postgres, broker, recordings)
                    : Target.service(root, work, postgres, broker)) {
                database = target.database();
                setting = target.setting();
                URI orders = target.origin().resolve("/api/v1/orders");
                System.out.printf(
                        "%s on %s, PostgreSQL on %d, Kafka on %s; %d s warm-up, %d s per run, clients %s%n",
                        throughEdge ? "The platform" : "order-service",
                        orders,
                        postgres.port(),
                        broker.bootstrapServers(),
                        warmupSeconds,
                        seconds,
                        concurrencies);
                figures.put("start_seconds", round(target.startup().toMillis() / 1000.0));
                AtomicLong sequence = new AtomicLong();
                Run warmup = run(orders, concurrencies.get(0), Duration.ofSeconds(warmupSeconds), sequence, 0);
                long created = warmup.created;
                CpuTimes cpu = target.cpu();
                for (int clients : concurrencies) {
                    Run measured = measure(orders, clients, seconds, sequence, 0, cpu);
                    if (throughEdge && recordings != null) {
                        System.out.println("Flight recordings of the run: "
                                + new FlightRecordings(cpu.parts(), recordings.resolve(clients + "-clients"))
                                        .dump(Duration.ofSeconds(seconds)));
                    }
                    runs.put(clients, measured);
                    created += measured.created;
                    System.out.printf("%d clients: %s%n", clients, measured);
                }
                for (int rate : rates) {
                    Run paced = measure(orders, concurrencies.get(0), seconds, sequence, rate, cpu);
                    pacedRuns.put(rate, paced);
                    created += paced.created;
                    System.out.printf("paced at %d/s: %s%n", rate, paced);
                }
                figures.put("resident_mib_after_runs", cpu.residentMiB());
                createdOverall = created;
                figures.put("orders_in_database", countOrders(database));
                figures.put("created_events_on_topic", awaitEvents(broker.bootstrapServers(), created));
            }

            Map<Integer, Double> pgbench = new LinkedHashMap<>();
            Map<Integer, Object> pgbenchCpu = new LinkedHashMap<>();
            for (int clients : concurrencies) {
                CpuTimes postgresCpu =
                        new CpuTimes(List.of(new CpuTimes.Part("postgres", postmaster, CpuTimes.Scope.TREE)));
                Map<String, Long> before = postgresCpu.read();
                pgbench.put(clients, pgbench(postgres.port(), database, work, clients, pgbenchSeconds));
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

            BenchResults results = new BenchResults(throughEdge ? "order-creation-through-edge" : "order-creation")
                    .line("Order creation through HTTP (`POST /api/v1/orders`, the WooCommerce plugin's payload, a"
                            + " unique Idempotency-Key per request, `RATE_LIMIT` high) by closed-loop clients against "
                            + setting + ", PostgreSQL 15 (embedded, fsync and synchronous_commit on) and one KRaft"
                            + " broker, all on this machine; " + seconds + " s per concurrency after a "
                            + warmupSeconds + " s warm-up. `platform_ms`: the CPU of every process of the platform"
                            + " (services, their JIT threads included, Kafka, PostgreSQL), the load generator apart.")
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
            if (!rates.isEmpty()) {
                results.line("Paced runs (`paced_<rate>_per_second`), after the closed-loop ones: the same "
                        + concurrencies.get(0) + " clients send on a shared open-loop schedule of that many orders"
                        + " per second, and latency counts from when each order was due.");
            }
            for (int clients : concurrencies) {
                Run run = runs.get(clients);
                report(results, "http_" + clients + "_clients", "_latency", run);
                results.figure("pgbench_" + clients + "_clients_tps", round(pgbench.get(clients)));
                results.figure(
                        "pgbench_" + clients + "_clients_postgres_cpu_ms_per_transaction", pgbenchCpu.get(clients));
                results.figure(
                        "ratio_" + clients + "_clients",
                        Math.round(run.perSecond() / pgbench.get(clients) * 100) / 100.0);
            }
            pacedRuns.forEach(
                    (rate, run) -> report(results, "paced_" + rate + "_per_second", "_latency_from_due", run));
            figures.forEach(results::figure);
            results.figure("created_overall", createdOverall);
            List<String> warnings = new ArrayList<>();
            runs.forEach((clients, run) -> run.cpu.forEach((part, millis) -> {
                if (part.endsWith("_jit_ms")) {
                    String process = part.substring(0, part.length() - "_jit_ms".length());
                    double all = (double) run.cpu.get(process + "_ms");
                    double jit = (double) millis;
                    if (jit > all / 20) {
                        warnings.add("with " + clients + " clients " + process + "'s JIT compilers spent " + jit
                                + " of its " + all + " ms of CPU per order: it was still compiling, a longer warm-up"
                                + " measures the steady state");
                    }
                }
            }));
            if (loadBefore > Runtime.getRuntime().availableProcessors()) {
                warnings.add("the machine was busy (load average " + loadBefore + " before the run)");
            }
            if (!warnings.isEmpty()) {
                results.figure("warnings", warnings);
            }
            results.write(root);

            long notOk = runs.values().stream().mapToLong(r -> r.failed).sum()
                    + pacedRuns.values().stream().mapToLong(r -> r.failed).sum();
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
     * What the clients post to: order-service alone ({@link #service}), or the whole platform through its edge
     * ({@link #platform}); with the parts of the machine whose CPU counts and the database orders land in.
     */
    private record Target(
            URI origin, CpuTimes cpu, Database database, String setting, Duration startup, AutoCloseable processes)
            implements AutoCloseable {

        /** order-service's jar alone, with 1 GiB of heap and, if {@code BENCH_JFR} names a file, a recording. */
        static Target service(Path root, Path work, LocalPostgres postgres, KafkaBroker broker) {
            List<String> jvm = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
            String jfr = System.getenv("BENCH_JFR");
            if (jfr != null && !jfr.isBlank()) {
                jvm.add("-XX:StartFlightRecording=settings=profile,filename="
                        + Path.of(jfr).toAbsolutePath());
            }
            postgres.ensureDatabase("orderhub", "orderhub", "orderhub");
            Database database = new Database(postgres.jdbcUrl("orderhub"), "orderhub", "orderhub");
            long starting = System.nanoTime();
            Platform service = Platform.builder(root)
                    .only(Service.ORDER_SERVICE)
                    .httpPort(Platform.freePortBlock())
                    .logDirectory(work.resolve("logs"))
                    .jvmOptions(jvm)
                    .database(Service.ORDER_SERVICE, database)
                    .environment(environment(broker.bootstrapServers()))
                    .start();
            Duration startup = Duration.ofNanos(System.nanoTime() - starting);
            long servicePid = service.process(Service.ORDER_SERVICE).pid();
            CpuTimes cpu = new CpuTimes(List.of(
                    new CpuTimes.Part("service", servicePid, CpuTimes.Scope.PROCESS),
                    new CpuTimes.Part("service_jit", servicePid, CpuTimes.Scope.JIT_THREADS),
                    new CpuTimes.Part("postgres", CpuTimes.postmaster(work.resolve("postgres")), CpuTimes.Scope.TREE),
                    new CpuTimes.Part("kafka", kafkaPid(work), CpuTimes.Scope.PROCESS),
                    new CpuTimes.Part("load_generator", ProcessHandle.current().pid(), CpuTimes.Scope.PROCESS)));
            return new Target(
                    service.url(Service.ORDER_SERVICE),
                    cpu,
                    database,
                    "the order-service jar (" + jvm + ")",
                    startup,
                    service);
        }

        /**
         * The whole platform as bin/orderhub-local runs it, reached through the edge: every request also passes
         * the edge's JVM, and payment-service and callback-dispatcher consume each order's event.
         */
        static Target platform(Path root, Path work, LocalPostgres postgres, KafkaBroker broker, Path recordings) {
            List<String> jvm = recordings != null ? List.of(FlightRecordings.JVM_OPTION) : List.<String>of();
            BenchPlatform platform =
                    BenchPlatform.start(root, work, environment(broker.bootstrapServers()), postgres, jvm);
            CpuTimes cpu = new CpuTimes(
                    CpuTimes.platformParts(platform.platforms(), work.resolve("kafka"), work.resolve("postgres")));
            return new Target(
                    platform.origin(),
                    cpu,
                    platform.database(Service.ORDER_SERVICE),
                    "the whole platform through its edge (four services and the edge from their jars, "
                            + BenchPlatform.SERVICE_JVM + ")",
                    platform.startup(),
                    platform);
        }

        @Override
        public void close() throws Exception {
            processes.close();
        }

        private static long kafkaPid(Path work) {
            return CpuTimes.find(cmd -> cmd.contains("KafkaBrokerMain")
                    && cmd.contains(work.resolve("kafka").toString()));
        }
    }

    /**
     * The platform's variables: the contract's, plus any {@code BENCH_SERVICE_ENV} ({@code NAME=value,...})
     * for experiments such as another pool size.
     */
    private static Map<String, String> environment(String bootstrapServers) {
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
        Map<String, Object> cores = new LinkedHashMap<>();

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

        @Override
        public String toString() {
            return String.format(
                    "%.1f orders/s, p50 %.2f ms, p99 %.2f ms, %d not 2xx; CPU per order %s",
                    perSecond(),
                    latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0,
                    failed,
                    cpu);
        }
    }

    /** A run's answers, latency and CPU as the results' figures {@code <name>...}. */
    private static void report(BenchResults results, String name, String latency, Run run) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("orders_per_second", round(run.perSecond()));
        answers.put("created", run.created);
        answers.put("not_2xx", run.failed);
        answers.put("statuses", run.statuses);
        results.figure(name, answers);
        results.latency(name + latency, run.latency);
        results.figure(name + "_cpu_ms_per_order", run.cpu);
        results.figure(name + "_cores_used", run.cores);
    }

    /** A {@link #run} with the CPU every part of the machine spent in it, per order and in cores. */
    private static Run measure(URI endpoint, int clients, int seconds, AtomicLong sequence, int perSecond, CpuTimes cpu)
            throws Exception {
        Map<String, Long> before = cpu.read();
        Run run = run(endpoint, clients, Duration.ofSeconds(seconds), sequence, perSecond);
        Map<String, Long> after = cpu.read();
        run.cpu = cpu.perUnit(before, after, run.created);
        run.cpu.put("platform_ms", CpuTimes.platformMillis(run.cpu));
        run.cores = cpu.coresUsed(before, after, run.elapsed);
        return run;
    }

    /** Closed-loop clients ({@code perSecond} 0), or clients sending on an open-loop schedule of that rate. */
    private static Run run(URI endpoint, int clients, Duration length, AtomicLong sequence, int perSecond)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Client>> futures = new ArrayList<>();
        long started = System.nanoTime();
        Schedule schedule = perSecond > 0 ? new Schedule(started, perSecond, new AtomicLong()) : null;
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                try (Client client = new Client(endpoint, sequence, schedule)) {
                    return client.runWhile(running);
                }
            }));
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

    /** An open-loop schedule the clients share: the n-th request is due {@code n / perSecond} after the start. */
    private record Schedule(long startNanos, int perSecond, AtomicLong due) {

        /** When the next request is due ({@link System#nanoTime}). */
        long next() {
            return startNanos + due.getAndIncrement() * 1_000_000_000L / perSecond;
        }
    }

    /**
     * One channel connection, as one PHP worker of the shop: closed-loop, or sending on a {@link Schedule}. Apache HttpClient's classic client on
     * one kept-alive connection, sending and reading on the client's own thread: the load generator shares the
     * two cores with the platform, and the JDK's client started threads per request there (CompletableFuture's
     * default executor is a thread per task on two cores), which cost 0.46 ms of CPU per order.
     */
    private static final class Client implements AutoCloseable {
        private final URI endpoint;
        private final AtomicLong sequence;
        private final Schedule schedule;
        private final CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(1)
                        .setMaxConnTotal(1)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(30))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .build();
        private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final Map<Integer, Long> statuses = new HashMap<>();
        private long created;
        private long failed;

        Client(URI endpoint, AtomicLong sequence, Schedule schedule) {
            this.endpoint = endpoint;
            this.sequence = sequence;
            this.schedule = schedule;
        }

        Client runWhile(AtomicBoolean running) {
            while (running.get()) {
                long n = sequence.incrementAndGet();
                HttpPost request = new HttpPost(endpoint);
                request.setHeader("Authorization", "Bearer " + API_KEY);
                request.setHeader(
                        "Idempotency-Key", "wc_" + n + "_" + Instant.now().getEpochSecond());
                request.setEntity(new ByteArrayEntity(payload(n).getBytes(StandardCharsets.UTF_8), JSON));
                long sent = System.nanoTime();
                if (schedule != null) {
                    // Pacing the load, not synchronising a test: wait until the request is due, and count its
                    // latency from then even when this client was still busy with an earlier one.
                    sent = schedule.next();
                    LockSupport.parkNanos(sent - System.nanoTime());
                }
                int status;
                try {
                    status = http.execute(request, response -> {
                        EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    });
                } catch (IOException e) {
                    status = 0;
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

        @Override
        public void close() throws IOException {
            http.close();
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
    private static double pgbench(int port, Database database, Path work, int clients, int seconds) throws Exception {
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
                        database.username(),
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
                        databaseName(database)),
                Map.of("PGPASSWORD", database.password())));
    }

    /** The database's name: the path of its JDBC URL ({@code jdbc:postgresql://host:port/name?...}). */
    private static String databaseName(Database database) {
        return URI.create(database.jdbcUrl().substring("jdbc:".length()))
                .getPath()
                .substring(1);
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
