package io.orderhub.bench.endtoend;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.bench.BenchPlatform;
import io.orderhub.bench.BenchResults;
import io.orderhub.bench.CpuTimes;
import io.orderhub.bench.Pgbench;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency of the platform at a steady rate: a correctly signed Stripe {@code payment_intent.succeeded}
 * webhook arrives at the edge, and the order's owning channel (the WooCommerce plugin's callback endpoint)
 * receives the callback that the order is paid — edge → webhook-gateway → Kafka → payment-service → Kafka →
 * order-service → Kafka → callback-dispatcher → HTTP. All four services and the edge run from their jars as
 * separate processes, as {@code PlatformFlowIT} starts them, on one KRaft broker and PostgreSQL 15 as
 * {@code bin/orderhub-local} runs it ({@code LocalPostgres}: synchronous_commit on, but zonky leaves fsync
 * off); Stripe's API is WireMock in this JVM, the callback endpoint a JDK HTTP server in it, so sending and
 * arrival are read from one clock.
 *
 * <p>Set-up (not measured): {@code rate × (warmupSeconds + seconds)} WooCommerce orders, each with a Stripe
 * payment (its own PaymentIntent), created through the edge by a pool of closed-loop clients; then the run
 * waits until the set-up's own callbacks have stopped arriving. Measured: the webhooks are sent open loop at
 * the fixed rate (asynchronously, so a slow answer does not lower the rate), each for its own payment. Latency
 * runs from a webhook's intended send time — no coordinated omission — to the arrival of its order's first
 * callback with status {@code paid}; the warm-up's webhooks are not counted. Afterwards the run waits up to
 * 60 s for every accepted webhook's callback.
 *
 * <p>Arguments: {@code [rate=100] [seconds=30] [warmupSeconds=10] [setupClients=16]}. Run with {@code bench/run
 * EndToEndBench}; the figures are only as good as the idle cores behind them.
 */
public final class EndToEndBench {

    private static final String API_KEY = "bench-woocommerce-key-0001";
    private static final String CALLBACK_SECRET = "bench-shop-callback-secret";
    private static final String WEBHOOK_PATH = "/api/v1/webhooks/stripe";
    private static final long TARGET_P99_MS = 250;
    /** The pgbench reference run after the measured sending. */
    private static final int PGBENCH_SECONDS = 20;

    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private EndToEndBench() {}

    public static void main(String[] args) throws Exception {
        int rate = intArgument(args, 0, 100);
        int seconds = intArgument(args, 1, 30);
        int warmupSeconds = intArgument(args, 2, 10);
        int setupClients = intArgument(args, 3, 16);
        int warmup = rate * warmupSeconds;
        int total = rate * (warmupSeconds + seconds);
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("end-to-end-bench");
        long runStarted = System.nanoTime();
        double loadBefore = loadAverage();
        System.out.printf(
                "Working files and service logs in %s; load average %.2f; %d webhooks/s, %d s warm-up, %d s measured%n",
                work, loadBefore, rate, warmupSeconds, seconds);

        BenchResults results = new BenchResults("end-to-end");
        List<String> warnings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (LocalPostgres postgres = LocalPostgres.startPersistent(work.resolve("postgres"), 0);
                KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0);
                Stripe stripe = Stripe.start();
                CallbackReceiver receiver = CallbackReceiver.start()) {
            Map<String, Object> postgresSettings = describe(postgres);
            Map<String, String> environment = environment(broker, stripe, receiver);
            try (BenchPlatform platform = BenchPlatform.start(root, work, environment, postgres)) {
                long platformStartSeconds = Math.round(platform.startup().toMillis() / 1000.0);
                URI origin = platform.origin();
                System.out.printf("Platform on %s, started in %d s%n", origin, platformStartSeconds);

                Setup setup = setUp(origin, total, setupClients);
                long setupCallbacks = awaitQuiet(receiver);
                System.out.printf(
                        "Set-up: %d orders in %d s, %d payments in %d s; %d callbacks %s%n",
                        total,
                        setup.orders().toSeconds(),
                        total,
                        setup.payments().toSeconds(),
                        setupCallbacks,
                        receiver.byTypeAndStatus());

                CpuTimes cpu = new CpuTimes(
                        CpuTimes.platformParts(platform.platforms(), work.resolve("kafka"), work.resolve("postgres")));
                Sending sending = sendWebhooks(
                        origin.resolve(WEBHOOK_PATH), setup.orderIds(), setup.paymentIds(), rate, warmup, cpu);
                System.out.printf("Sent %d webhooks; waiting for their callbacks%n", total);
                awaitCallbacks(receiver, setup.orderIds(), sending);

                Measured measured = measure(sending, receiver, setup.orderIds(), warmup, seconds);
                Map<String, Object> coresUsed =
                        cpu.coresUsed(sending.cpuAtStart(), sending.cpuAtEnd(), sending.measuredWindow());
                Map<String, Object> cpuPerFlow = cpu.perUnit(sending.cpuAtStart(), sending.cpuAtEnd(), measured.sent());
                cpuPerFlow.put("platform_ms", CpuTimes.platformMillis(cpuPerFlow));
                Map<String, Object> reference =
                        Pgbench.simpleUpdate(postgres, work.resolve("postgres"), PGBENCH_SECONDS);
                double pgbenchMillis =
                        (double) ((Map<?, ?>) reference.get("postgres_cpu_ms_per_transaction")).get("postgres_ms");
                reference.put(
                        "ratio_cpu_per_flow_to_pgbench_transaction",
                        Math.round((double) cpuPerFlow.get("platform_ms") / pgbenchMillis * 10) / 10.0);
                double p99 = measured.endToEnd().getValueAtPercentile(99) / 1000.0;
                boolean targetMet = measured.missing() == 0 && p99 <= TARGET_P99_MS;

                results.line("Correctly signed Stripe `payment_intent.succeeded` webhooks sent open loop at " + rate
                                + "/s to the edge (`POST " + WEBHOOK_PATH + "`) for " + seconds + " s after a "
                                + warmupSeconds + " s warm-up, each for its own WooCommerce order and Stripe payment"
                                + " created beforehand through the edge (" + total + " of each, by " + setupClients
                                + " closed-loop clients; not measured).")
                        .line("End-to-end latency runs from a webhook's intended send time (open loop: a slow answer"
                                + " does not hide the delay behind it) until the shop's callback endpoint receives the"
                                + " order's callback with status `paid`: edge → webhook-gateway → Kafka →"
                                + " payment-service → Kafka → order-service → Kafka → callback-dispatcher → HTTP."
                                + " Accept latency: intended send time → the edge's answer.")
                        .line("All four services and the edge run from their jars as separate processes ("
                                + BenchPlatform.SERVICE_JVM
                                + "), with one KRaft broker and PostgreSQL 15 (`LocalPostgres`, as bin/orderhub-local runs it;"
                                + " its settings under `postgres`), all on this machine; Stripe's API is WireMock and the"
                                + " callback endpoint a JDK HTTP server, both in the benchmark's JVM (one clock)."
                                + " `cores_used_measured` is CPU per part during the measured sending,"
                                + " `cpu_ms_per_flow_measured` the same per webhook sent (`platform_ms` their sum)."
                                + " `pgbench_reference`: pgbench's simple update on the same server after the"
                                + " measured sending, and the platform's CPU per flow as a multiple of PostgreSQL's"
                                + " per pgbench transaction.")
                        .figure("rate_per_second", rate)
                        .figure("measured_seconds", seconds)
                        .figure("warmup_seconds", warmupSeconds)
                        .figure("webhooks_sent", measured.sent())
                        .figure("webhooks_accepted", measured.accepted())
                        .figure("webhooks_not_accepted", measured.sent() - measured.accepted())
                        .figure("webhook_answers", measured.statuses())
                        .figure("callbacks_received", measured.received())
                        .figure("callbacks_missing", measured.missing())
                        .figure("achieved_rate_per_second", round1(measured.achievedRate()))
                        .figure("callbacks_per_second", round1(measured.callbackRate()))
                        .latency("end_to_end_latency", measured.endToEnd())
                        .figure("end_to_end_latency_by_5s_window", measured.windows())
                        .latency("webhook_accept_latency", measured.accept())
                        .figure(
                                "send_lag_behind_schedule_max_ms",
                                measured.lag().getMaxValue() / 1000.0)
                        .figure("target_p99_ms", TARGET_P99_MS)
                        .figure("target_met", targetMet)
                        .figure("cores_used_measured", coresUsed)
                        .figure("cpu_ms_per_flow_measured", cpuPerFlow)
                        .figure("pgbench_reference", reference)
                        .figure("setup", setupFigures(setup, total, setupClients, setupCallbacks, platformStartSeconds))
                        .figure("webhook_errors_whole_run", sending.errors())
                        .figure("callbacks_after_run", receiver.byTypeAndStatus())
                        .figure("paid_callbacks_repeated", receiver.repeatedPaid())
                        .figure("service_jvm", BenchPlatform.SERVICE_JVM)
                        .figure("postgres", postgresSettings);

                if (measured.sent() != measured.accepted()) {
                    problems.add((measured.sent() - measured.accepted()) + " of " + measured.sent()
                            + " measured webhooks were not accepted: " + measured.statuses());
                }
                if (measured.missing() > 0) {
                    problems.add(measured.missing() + " measured webhooks' paid callbacks did not arrive within "
                            + CALLBACK_WAIT.toSeconds() + " s of the last send");
                }
                if (measured.lag().getValueAtPercentile(99) > TimeUnit.MILLISECONDS.toMicros(5)) {
                    warnings.add("the load generator fell behind its schedule (p99 "
                            + measured.lag().getValueAtPercentile(99) / 1000.0 + " ms); latency still runs from the"
                            + " intended send time");
                }
                double otherCores = (double) coresUsed.get("other_processes");
                if (otherCores > 0.25) {
                    warnings.add("processes outside the run used " + otherCores
                            + " cores during the measured sending: the figures are noisy");
                }
                double jitCores = coresUsed.entrySet().stream()
                        .filter(part -> part.getKey().endsWith("_jit"))
                        .mapToDouble(part -> (double) part.getValue())
                        .sum();
                if (jitCores > 0.1) {
                    warnings.add("the services' JIT compilers used " + Math.round(jitCores * 100) / 100.0
                            + " cores while measured:"
                            + " the code was still being compiled, a longer warm-up measures the steady state");
                }
            }
        }

        double loadAfter = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (loadBefore > cores) {
            warnings.add("the machine was busy (load average " + loadBefore + " before the run on " + cores
                    + " cores): the figures are noisy");
        }
        results.figure("load_average_before", loadBefore)
                .figure("load_average_after", loadAfter)
                .figure("run_seconds", Math.round((System.nanoTime() - runStarted) / 1e9));
        if (!warnings.isEmpty()) {
            results.figure("warnings", warnings).line("");
            warnings.forEach(warning -> results.line("- Warning: " + warning + "."));
        }
        if (!problems.isEmpty()) {
            results.figure("problems", problems).line("");
            problems.forEach(problem -> results.line("- PROBLEM: " + problem + "."));
        }
        results.write(root);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    // --- the platform ----------------------------------------------------------------------------------------

    /** PlatformFlowIT's variables for the WooCommerce channel and Stripe. */
    private static Map<String, String> environment(KafkaBroker broker, Stripe stripe, CallbackReceiver receiver) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("SCHEMA_REGISTRY_URL", "mock://");
        environment.put("API_KEYS", "woocommerce:" + API_KEY + ";name=shop");
        environment.put("RATE_LIMIT", "100000000/1m");
        environment.put("STRIPE_API_KEY", "sk_test_orderhub_bench");
        environment.put("STRIPE_API_BASE", stripe.baseUrl());
        environment.put("STRIPE_WEBHOOK_SECRET", Stripe.WEBHOOK_SECRET);
        environment.put("BTCPAY_WEBHOOK_SECRET", "orderhub-bench-btcpay");
        environment.put("WOOCOMMERCE_CALLBACK_URL", receiver.url().toString());
        environment.put("WOOCOMMERCE_CALLBACK_SECRET", CALLBACK_SECRET);
        environment.put("CALLBACK_REQUIRE_HTTPS", "false");
        environment.put("CALLBACK_ALLOW_PRIVATE_NETWORKS", "true");
        // As in production (docker-compose, k8s): one ECS JSON object per log line.
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        return environment;
    }

    private static Map<String, Object> describe(LocalPostgres postgres) throws SQLException {
        Map<String, Object> described = new LinkedHashMap<>();
        try (Connection connection = postgres.superuserDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet result = statement.executeQuery("show " + setting)) {
                    result.next();
                    described.put(setting, result.getString(1));
                }
            }
        }
        return described;
    }

    // --- set-up: orders and payments through the edge, not measured ------------------------------------------

    private record Setup(String[] orderIds, String[] paymentIds, Duration orders, Duration payments) {}

    private static Setup setUp(URI origin, int count, int clients) throws Exception {
        Shop shop = new Shop(origin);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long started = System.nanoTime();
        String[] orderIds = inParallel(count, clients, "orders", i -> shop.createOrder(run + "-" + i));
        Duration orders = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        String[] paymentIds =
                inParallel(count, clients, "payments", i -> shop.createStripePayment(orderIds[i], run + "-" + i));
        return new Setup(orderIds, paymentIds, orders, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Map<String, Object> setupFigures(
            Setup setup, int count, int clients, long callbacks, long platformStartSeconds) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("platform_start_seconds", platformStartSeconds);
        figures.put("clients", clients);
        figures.put("orders", count);
        figures.put("orders_per_second", round1(count / (setup.orders().toNanos() / 1e9)));
        figures.put("stripe_payments", count);
        figures.put(
                "stripe_payments_per_second", round1(count / (setup.payments().toNanos() / 1e9)));
        figures.put("callbacks_before_webhooks", callbacks);
        return figures;
    }

    private interface Creation {
        String create(int index) throws Exception;
    }

    /** Creates {@code count} things with {@code clients} closed-loop workers; the first failure stops them all. */
    private static String[] inParallel(int count, int clients, String what, Creation creation) throws Exception {
        String[] ids = new String[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            ids[i] = creation.create(i);
                        } catch (Exception e) {
                            next.set(count);
                            throw e;
                        }
                        if (done.incrementAndGet() % 1000 == 0) {
                            System.out.printf("  %d %s%n", done.get(), what);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return ids;
    }

    /** The WooCommerce plugin's calls through the edge: an order, then a Stripe payment for it. */
    private static final class Shop {
        private final URI origin;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Shop(URI origin) {
            this.origin = origin;
        }

        String createOrder(String sourceOrderId) throws Exception {
            return created(
                    "/api/v1/orders",
                    WooCommercePlugin.orderPayload(sourceOrderId),
                    "wc_" + sourceOrderId + "_" + Instant.now().getEpochSecond());
        }

        String createStripePayment(String orderId, String sourceOrderId) throws Exception {
            return created("/api/v1/payments", """
                    {"order_id": "%s", "provider": "stripe", "currency": "EUR"}""".formatted(orderId), "wc_pay_" + sourceOrderId);
        }

        /** POSTs, repeating the same request (same Idempotency-Key) on 409, 429, 5xx or I/O errors. */
        private String created(String path, String body, String idempotencyKey) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(origin.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            String failure = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    if (status == 200 || status == 201) {
                        return JSON.readTree(response.body())
                                .path("data")
                                .path("id")
                                .asText();
                    }
                    failure = "HTTP " + status + ": " + response.body();
                    if (status < 500 && status != 409 && status != 429) {
                        break;
                    }
                } catch (IOException e) {
                    failure = e.toString();
                }
                // Back-off before repeating a set-up request; nothing is measured here.
                TimeUnit.SECONDS.sleep(attempt);
            }
            throw new IllegalStateException("POST " + path + " failed: " + failure);
        }
    }

    /**
     * Waits until the set-up's own callbacks (a payment created updates its order) have stopped arriving for
     * 3 s, at most 2 minutes, so the measured webhooks do not queue behind them; returns how many arrived.
     */
    private static long awaitQuiet(CallbackReceiver receiver) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long seen = receiver.received();
        long changed = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - changed < TimeUnit.SECONDS.toNanos(3)) {
            // Polling the receiver's count between callbacks; a main program, not a test.
            TimeUnit.MILLISECONDS.sleep(200);
            long now = receiver.received();
            if (now != seen) {
                seen = now;
                changed = System.nanoTime();
            }
        }
        return seen;
    }

    // --- measured: the webhooks at a fixed rate, open loop ---------------------------------------------------

    /** Per webhook: when it was due, sent and answered ({@link System#nanoTime()}) and its HTTP status. */
    private static final class Sending {
        final long[] due;
        final long[] sent;
        final long[] answered;
        final int[] statuses;
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final int warmup;
        Map<String, Long> cpuAtStart = Map.of();
        Map<String, Long> cpuAtEnd = Map.of();

        Sending(int total, int warmup) {
            this.due = new long[total];
            this.sent = new long[total];
            this.answered = new long[total];
            this.statuses = new int[total];
            this.warmup = warmup;
        }

        Map<String, Long> errors() {
            Map<String, Long> counts = new TreeMap<>();
            errors.forEach((error, count) -> counts.put(error, count.sum()));
            return counts;
        }

        Map<String, Long> cpuAtStart() {
            return cpuAtStart;
        }

        Map<String, Long> cpuAtEnd() {
            return cpuAtEnd;
        }

        Duration measuredWindow() {
            return Duration.ofNanos(sent[sent.length - 1] - sent[warmup]);
        }

        boolean accepted(int index) {
            return statuses[index] >= 200 && statuses[index] < 300;
        }
    }

    /**
     * Sends webhook {@code i} at {@code start + i / rate}: one scheduler thread parks until each is due and
     * hands it to the HTTP client asynchronously, so an answer that takes long delays nothing behind it.
     */
    private static Sending sendWebhooks(
            URI endpoint, String[] orderIds, String[] paymentIds, int rate, int warmup, CpuTimes cpu) throws Exception {
        int total = orderIds.length;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Mac mac = Stripe.webhookMac();
        Sending sending = new Sending(total, warmup);
        List<CompletableFuture<Void>> answers = new ArrayList<>(total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        CompletableFuture<Map<String, Long>> cpuAtStart = CompletableFuture.supplyAsync(
                cpu::read,
                CompletableFuture.delayedExecutor(
                        start + Math.round(warmup * 1e9 / rate) - System.nanoTime(), TimeUnit.NANOSECONDS));
        for (int i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            long epochSecond = System.currentTimeMillis() / 1000;
            String event = Stripe.succeeded(paymentIds[i], orderIds[i], epochSecond);
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", Stripe.signature(mac, event, epochSecond))
                    .POST(HttpRequest.BodyPublishers.ofString(event, StandardCharsets.UTF_8))
                    .build();
            int index = i;
            sending.due[i] = due;
            sending.sent[i] = System.nanoTime();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        sending.answered[index] = System.nanoTime();
                        if (error == null) {
                            sending.statuses[index] = response.statusCode();
                        } else {
                            sending.statuses[index] = -1;
                            Throwable cause = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause()
                                    : error;
                            sending.errors
                                    .computeIfAbsent(cause.getClass().getSimpleName(), name -> new LongAdder())
                                    .increment();
                        }
                        return null;
                    }));
            if (i > 0 && i % (rate * 10) == 0) {
                System.out.printf("  %d webhooks sent%n", i);
            }
        }
        sending.cpuAtEnd = cpu.read();
        sending.cpuAtStart = cpuAtStart.get(1, TimeUnit.MINUTES);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        return sending;
    }

    /** Waits (polling the receiver) until every accepted webhook's order was called back as paid, at most 60 s. */
    private static void awaitCallbacks(CallbackReceiver receiver, String[] orderIds, Sending sending)
            throws InterruptedException {
        long deadline = System.nanoTime() + CALLBACK_WAIT.toNanos();
        int next = 0;
        while (System.nanoTime() < deadline) {
            while (next < orderIds.length
                    && (!sending.accepted(next) || receiver.paidArrival(orderIds[next]) != null)) {
                next++;
            }
            if (next == orderIds.length) {
                return;
            }
            // Polling for the callbacks still under way; a main program, not a test.
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private record Measured(
            long sent,
            long accepted,
            Map<String, Long> statuses,
            long received,
            long missing,
            double achievedRate,
            double callbackRate,
            Histogram endToEnd,
            Histogram accept,
            Histogram lag,
            List<Map<String, Object>> windows) {}

    private static Measured measure(
            Sending sending, CallbackReceiver receiver, String[] orderIds, int warmup, int seconds) {
        Histogram endToEnd = histogram();
        Histogram accept = histogram();
        Histogram lag = histogram();
        int windowCount = (int) Math.max(1, (seconds + WINDOW.toSeconds() - 1) / WINDOW.toSeconds());
        List<Histogram> windows = new ArrayList<>();
        for (int w = 0; w < windowCount; w++) {
            windows.add(histogram());
        }
        Map<String, Long> statuses = new TreeMap<>();
        long accepted = 0;
        long received = 0;
        long missing = 0;
        long firstArrival = Long.MAX_VALUE;
        long lastArrival = Long.MIN_VALUE;
        int total = orderIds.length;
        for (int i = warmup; i < total; i++) {
            statuses.merge(sending.statuses[i] < 0 ? "error" : Integer.toString(sending.statuses[i]), 1L, Long::sum);
            record(lag, sending.sent[i] - sending.due[i]);
            if (sending.accepted(i)) {
                accepted++;
                record(accept, sending.answered[i] - sending.due[i]);
            }
            Long arrival = receiver.paidArrival(orderIds[i]);
            if (arrival == null) {
                missing++;
                continue;
            }
            received++;
            firstArrival = Math.min(firstArrival, arrival);
            lastArrival = Math.max(lastArrival, arrival);
            record(endToEnd, arrival - sending.due[i]);
            int window = (int) Math.min(windowCount - 1, (sending.due[i] - sending.due[warmup]) / WINDOW.toNanos());
            record(windows.get(window), arrival - sending.due[i]);
        }
        long sent = total - warmup;
        double achievedRate = (sent - 1) / (sending.measuredWindow().toNanos() / 1e9);
        double callbackRate = received > 1 ? (received - 1) / ((lastArrival - firstArrival) / 1e9) : 0;
        List<Map<String, Object>> byWindow = new ArrayList<>();
        for (int w = 0; w < windowCount; w++) {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("from_s", w * WINDOW.toSeconds());
            window.putAll(BenchResults.percentiles(windows.get(w)));
            byWindow.add(window);
        }
        return new Measured(
                sent,
                accepted,
                statuses,
                received,
                missing,
                achievedRate,
                callbackRate,
                endToEnd,
                accept,
                lag,
                byWindow);
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    private static void record(Histogram micros, long nanos) {
        micros.recordValue(
                Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), micros.getHighestTrackableValue())));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static int intArgument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
