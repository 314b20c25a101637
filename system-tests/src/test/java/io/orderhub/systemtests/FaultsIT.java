package io.orderhub.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.orderhub.systemtests.FullPlatform.SHOP_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.TestDatabase;
import io.orderhub.testsupport.WooCommercePlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single faults under a steady open-loop load, on the platform as {@code bin/orderhub-local} runs it
 * (separate processes, each restarted when it dies, on a broker of its own and a real PostgreSQL): each
 * service and the edge killed with SIGKILL in turn, then the broker restarted. The plugin creates orders,
 * pays them with Stripe and Stripe reports the success through its signed webhook — some events twice,
 * some followed by an older {@code processing} event. A client retries as the contract tells it to (no
 * answer, 502/503/504, 409 idempotency-key-in-flight), always with the same Idempotency-Key. After the
 * faults: every order exists once and is paid once, every payment succeeded once, every order's paid
 * callback reached the shop with versions that never go back, outboxes are empty, consumers have no lag
 * and nothing was dead-lettered. The figures per fault go to {@code target/faults-it.txt}.
 */
class FaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FLOWS_PER_SECOND = 3;
    private static final int FLOWS_BETWEEN_FAULTS = 20;
    private static final Duration RECOVERY = Duration.ofMinutes(5);
    private static final List<String> CONSUMER_GROUPS =
            List.of("order-service", "payment-service", "callback-dispatcher");
    private static final String CALLBACK_PATH = "/wp-json/order-hub/v1/callback";

    private static KafkaBroker broker;
    private static FullPlatform running;
    private static Platform platform;

    @BeforeAll
    static void startThePlatform() throws IOException {
        broker = KafkaBroker.start(
                Files.createTempDirectory("faults-kafka"),
                0,
                List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC"),
                true);
        running = FullPlatform.startSupervised("faults", broker.bootstrapServers());
        platform = running.platform();
        // Stripe creates a PaymentIntent of its own id for every payment the hub asks for.
        running.stripe()
                .stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withTransformers("response-template")
                                .withBody(StripeEvents.paymentIntent(
                                        "pi_{{randomValue length=24 type='ALPHANUMERIC'}}",
                                        "requires_payment_method",
                                        "",
                                        null))));
        running.stripe()
                .stubFor(get(urlPathEqualTo("/v1/payment_intents/search"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("""
                                        {"object": "search_result", "url": "/v1/payment_intents/search",
                                         "data": [], "has_more": false}""")));
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void killingAnyProcessOrRestartingTheBrokerUnderLoadLosesAndDoublesNothing() throws Exception {
        List<FaultFigures> figures = new ArrayList<>();
        try (Load load = Load.start(ApiClient.of(platform.origin(), SHOP_KEY), ApiClient.of(platform.origin(), null))) {
            for (Service service : List.of(
                    Service.ORDER_SERVICE,
                    Service.PAYMENT_SERVICE,
                    Service.WEBHOOK_GATEWAY,
                    Service.CALLBACK_DISPATCHER,
                    Service.EDGE)) {
                int restarts = platform.restarts(service);
                figures.add(fault(
                        load,
                        "kill -9 " + service.serviceName(),
                        () -> platform.process(service).kill(),
                        () -> platform.restarts(service) > restarts && healthy(service)));
            }
            figures.add(fault(
                    load,
                    "Kafka broker restart",
                    () -> {
                        broker.stop();
                        broker.restart();
                    },
                    () -> List.of(Service.values()).stream().allMatch(FaultsIT::healthy)));
            load.stopAndAwaitFlows(RECOVERY);

            Instant drained = Instant.now();
            Audit audit = audit(load);
            String report = report(load, figures, audit, Duration.between(drained, Instant.now()));
            Files.writeString(Path.of("target", "faults-it.txt"), report);

            assertThat(load.failures()).as(report).isEmpty();
            assertThat(load.unexpectedAnswers()).as(report).isEmpty();
            assertThat(audit.problems()).as(report).isEmpty();
        }
    }

    // --- faults -----------------------------------------------------------------------------------

    private static FaultFigures fault(Load load, String name, Runnable inject, Supplier<Boolean> recovered) {
        await().atMost(RECOVERY)
                .until(() -> load.completedFlows() >= load.completedAtPhaseStart() + FLOWS_BETWEEN_FAULTS);
        load.phase(name);
        Instant injected = Instant.now();
        inject.run();
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(250)).until(recovered::get);
        Duration toHealthy = Duration.between(injected, Instant.now());
        int completed = load.completedFlows();
        await().atMost(RECOVERY).until(() -> load.completedFlows() >= completed + FLOWS_BETWEEN_FAULTS);
        return new FaultFigures(name, toHealthy, Duration.between(injected, Instant.now()));
    }

    private static boolean healthy(Service service) {
        try {
            return ApiClient.of(platform.url(service), null).get("/health").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    record FaultFigures(String name, Duration toHealthy, Duration window) {}

    // --- the load ---------------------------------------------------------------------------------

    /** One answer the channel or provider got, and in which phase of the run. */
    record Answer(String phase, String step, int status, boolean retriable) {}

    /** A flow the plugin and Stripe went through: order, Stripe payment, signed webhook(s). */
    record Flow(int number, String sourceOrderId, String orderId, String paymentId) {}

    /**
     * The plugin and Stripe at {@value #FLOWS_PER_SECOND} flows a second, open loop: a new flow starts on
     * schedule whether or not earlier ones have finished.
     */
    static final class Load implements AutoCloseable {
        private final ApiClient shop;
        private final ApiClient stripe;
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService clients = Executors.newFixedThreadPool(48);
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger completed = new AtomicInteger();
        private final List<CompletableFuture<Flow>> flows = new ArrayList<>();
        private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final Map<String, Flow> done = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private volatile String phase = "steady";
        private volatile int completedAtPhaseStart;

        private Load(ApiClient shop, ApiClient stripe) {
            this.shop = shop;
            this.stripe = stripe;
        }

        static Load start(ApiClient shop, ApiClient stripe) {
            Load load = new Load(shop, stripe);
            load.clock.scheduleAtFixedRate(load::startFlow, 0, 1000 / FLOWS_PER_SECOND, TimeUnit.MILLISECONDS);
            return load;
        }

        void phase(String name) {
            completedAtPhaseStart = completed.get();
            phase = name;
        }

        int completedFlows() {
            return completed.get();
        }

        int completedAtPhaseStart() {
            return completedAtPhaseStart;
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        Map<String, Flow> flows() {
            return done;
        }

        List<Answer> answers() {
            return List.copyOf(answers);
        }

        /** Answers a client following the contract could not have handled: neither 2xx nor retriable. */
        List<Answer> unexpectedAnswers() {
            return answers().stream()
                    .filter(answer -> !answer.retriable() && (answer.status() < 200 || answer.status() > 299))
                    .toList();
        }

        void stopAndAwaitFlows(Duration timeout) {
            clock.shutdownNow();
            List<CompletableFuture<Flow>> all;
            synchronized (flows) {
                all = List.copyOf(flows);
            }
            await().atMost(timeout).until(() -> all.stream().allMatch(CompletableFuture::isDone));
        }

        @Override
        public void close() {
            clock.shutdownNow();
            clients.shutdownNow();
        }

        private void startFlow() {
            int number = started.incrementAndGet();
            String sourceOrderId =
                    "faults-" + number + "-" + UUID.randomUUID().toString().substring(0, 8);
            CompletableFuture<Flow> flow = call(
                            "order",
                            () -> shop.post(
                                    "/api/v1/orders",
                                    WooCommercePlugin.orderPayload(sourceOrderId),
                                    ApiClient.idempotencyKey("wc_" + sourceOrderId)))
                    .thenCompose(order -> {
                        String orderId = data(order).path("id").asText();
                        return call(
                                        "payment",
                                        () -> shop.post(
                                                "/api/v1/payments",
                                                """
                                        {"order_id": "%s", "provider": "stripe", "currency": "EUR"}""".formatted(orderId),
                                                ApiClient.idempotencyKey("wc_pay_" + sourceOrderId)))
                                .thenCompose(payment -> pay(number, sourceOrderId, orderId, data(payment)));
                    })
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            failures.add(sourceOrderId + ": " + failure.getMessage());
                        } else {
                            done.put(result.orderId(), result);
                        }
                        completed.incrementAndGet();
                    });
            synchronized (flows) {
                flows.add(flow);
            }
        }

        /** Stripe's webhooks: succeeded, every 4th twice, every 5th followed by an older processing event. */
        private CompletableFuture<Flow> pay(int number, String sourceOrderId, String orderId, JsonNode payment) {
            String paymentId = payment.path("id").asText();
            String intent = payment.path("provider_reference").asText();
            long now = System.currentTimeMillis() / 1000;
            String succeeded = StripeEvents.event(
                    "evt_" + UUID.randomUUID().toString().replace("-", ""),
                    "payment_intent.succeeded",
                    StripeEvents.paymentIntent(intent, "succeeded", orderId, paymentId),
                    now);
            CompletableFuture<HttpResponse<String>> sent = webhook(succeeded);
            if (number % 4 == 0) {
                sent = sent.thenCompose(first -> webhook(succeeded));
            }
            if (number % 5 == 0) {
                String older = StripeEvents.event(
                        "evt_" + UUID.randomUUID().toString().replace("-", ""),
                        "payment_intent.processing",
                        StripeEvents.paymentIntent(intent, "processing", orderId, paymentId),
                        now - 5);
                sent = sent.thenCompose(first -> webhook(older));
            }
            return sent.thenApply(last -> new Flow(number, sourceOrderId, orderId, paymentId));
        }

        private CompletableFuture<HttpResponse<String>> webhook(String event) {
            return call(
                    "webhook",
                    () -> stripe.send(
                            "POST",
                            "/api/v1/webhooks/stripe",
                            event.getBytes(StandardCharsets.UTF_8),
                            Map.of(
                                    "Content-Type",
                                    "application/json",
                                    "Stripe-Signature",
                                    StripeEvents.signature(event))));
        }

        /**
         * One request, repeated as the contract allows until it is answered 2xx: after no answer, a 502, 503
         * or 504, or a 409 for an Idempotency-Key still in flight — waiting as Retry-After says (1 s
         * without it). Any other answer ends the flow as a failure.
         */
        private CompletableFuture<HttpResponse<String>> call(String step, Supplier<HttpResponse<String>> request) {
            return call(step, request, Instant.now().plus(RECOVERY));
        }

        private CompletableFuture<HttpResponse<String>> call(
                String step, Supplier<HttpResponse<String>> request, Instant deadline) {
            String during = phase;
            return CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return request.get();
                                } catch (UncheckedIOException e) {
                                    return null;
                                }
                            },
                            clients)
                    .thenCompose(response -> {
                        if (response != null && response.statusCode() / 100 == 2) {
                            answers.add(new Answer(during, step, response.statusCode(), false));
                            return CompletableFuture.completedFuture(response);
                        }
                        boolean retriable = retriable(response);
                        answers.add(new Answer(during, step, response == null ? 0 : response.statusCode(), retriable));
                        if (!retriable || Instant.now().isAfter(deadline)) {
                            return CompletableFuture.failedFuture(new IllegalStateException(step + " answered "
                                    + (response == null ? "nothing" : response.statusCode() + " " + response.body())));
                        }
                        long wait = response == null
                                ? 1
                                : response.headers()
                                        .firstValueAsLong("Retry-After")
                                        .orElse(1);
                        return CompletableFuture.supplyAsync(
                                        () -> call(step, request, deadline),
                                        CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS, clients))
                                .thenCompose(retried -> retried);
                    });
        }

        private static boolean retriable(HttpResponse<String> response) {
            if (response == null) {
                return true;
            }
            int status = response.statusCode();
            boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
            return status == 502
                    || status == 503
                    || status == 504
                    || (status == 409 && retryAfter && response.body().contains("idempotency-key-in-flight"));
        }

        private static JsonNode data(HttpResponse<String> response) {
            try {
                return JSON.readTree(response.body()).path("data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- the audit --------------------------------------------------------------------------------

    record Audit(List<String> problems, Duration toZeroLag) {}

    private static Audit audit(Load load) throws Exception {
        Map<String, Flow> flows = load.flows();
        List<String> problems = new ArrayList<>();
        Instant start = Instant.now();
        // Everything in flight settles: outboxes drain, consumers catch up, every order is paid.
        await().atMost(RECOVERY).until(() -> outboxRows() == 0 && totalLag() == 0);
        Duration toZeroLag = Duration.between(start, Instant.now());
        await().atMost(RECOVERY).until(() -> paidOrders() == flows.size());
        await().atMost(RECOVERY).until(() -> paidCallbacks(flows.keySet()).size() == flows.size());

        try (Connection orders = connect(Service.ORDER_SERVICE);
                Connection payments = connect(Service.PAYMENT_SERVICE)) {
            problems.addAll(rows(
                    orders,
                    "order created more than once",
                    "select source_order_id || ' x' || count(*) from orders.orders"
                            + " where source_order_id like 'faults-%' group by source_order_id having count(*) <> 1"));
            problems.addAll(rows(
                    orders,
                    "order not paid exactly its total",
                    "select id || ' ' || status || ' ' || paid_amount from orders.orders"
                            + " where source_order_id like 'faults-%' and (status <> 'paid' or paid_amount <> 47.49)"));
            problems.addAll(
                    rows(
                            payments,
                            "order with more than one payment",
                            "select order_id || ' x' || count(*) from payments.payment group by order_id having count(*) <> 1"));
            problems.addAll(rows(
                    payments,
                    "payment not succeeded once",
                    "select p.id || ' ' || p.status || ' succeeded x' || count(h.id) from payments.payment p"
                            + " left join payments.payment_status_history h"
                            + " on h.payment_id = p.id and h.new_status = 'succeeded'"
                            + " group by p.id, p.status having p.status <> 'succeeded' or count(h.id) <> 1"));
            long orderCount = count(orders, "select count(*) from orders.orders where source_order_id like 'faults-%'");
            if (orderCount != flows.size()) {
                problems.add("orders answered 2xx: " + flows.size() + ", orders stored: " + orderCount);
            }
        }
        problems.addAll(callbackProblems(flows.keySet()));
        long deadLetters = deadLetters();
        if (deadLetters != 0) {
            problems.add("dead-lettered events: " + deadLetters);
        }
        return new Audit(problems, toZeroLag);
    }

    private static long paidOrders() throws SQLException {
        try (Connection orders = connect(Service.ORDER_SERVICE)) {
            return count(
                    orders,
                    "select count(*) from orders.orders where source_order_id like 'faults-%' and status = 'paid'");
        }
    }

    /** The shop's callbacks per order, in the order they arrived. */
    private static Map<String, List<JsonNode>> callbacks() {
        Map<String, List<JsonNode>> byOrder = new LinkedHashMap<>();
        running.receivers().findAll(postRequestedFor(urlPathEqualTo(CALLBACK_PATH))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(request -> readTree(request.getBody()))
                .forEach(body -> byOrder.computeIfAbsent(body.path("order_id").asText(), id -> new ArrayList<>())
                        .add(body));
        return byOrder;
    }

    private static List<String> paidCallbacks(Set<String> orderIds) {
        return callbacks().entrySet().stream()
                .filter(entry -> orderIds.contains(entry.getKey()))
                .filter(entry -> entry.getValue().stream()
                        .anyMatch(body -> "paid".equals(body.path("status").asText())))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> callbackProblems(Set<String> orderIds) {
        List<String> problems = new ArrayList<>();
        callbacks().forEach((orderId, bodies) -> {
            if (!orderIds.contains(orderId)) {
                return;
            }
            long newest = 0;
            for (JsonNode body : bodies) {
                long version = body.path("version").asLong();
                if (version < newest) {
                    problems.add(
                            "callback of order " + orderId + " went back from version " + newest + " to " + version);
                }
                newest = Math.max(newest, version);
            }
        });
        return problems;
    }

    private static long outboxRows() throws SQLException {
        long rows = 0;
        for (Service service : List.of(Service.ORDER_SERVICE, Service.PAYMENT_SERVICE, Service.CALLBACK_DISPATCHER)) {
            String schema = switch (service) {
                case ORDER_SERVICE -> "orders";
                case PAYMENT_SERVICE -> "payments";
                default -> "callbacks";
            };
            try (Connection connection = connect(service)) {
                rows += count(connection, "select count(*) from " + schema + ".outbox");
            }
        }
        return rows;
    }

    private static long totalLag() throws Exception {
        try (Admin admin = admin()) {
            long lag = 0;
            for (String group : CONSUMER_GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (var entry : committed.entrySet()) {
                    lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                }
            }
            return lag;
        }
    }

    private static long deadLetters() throws Exception {
        try (Admin admin = admin()) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.endsWith(".DLT"))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .forEach(topic -> topic.partitions()
                            .forEach(partition -> latest.put(
                                    new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }

    private static Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(properties);
    }

    private static Connection connect(Service service) throws SQLException {
        TestDatabase database = running.database(service);
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> rows(Connection connection, String what, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                found.add(what + ": " + result.getString(1));
            }
        }
        return found;
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    // --- the figures ------------------------------------------------------------------------------

    private static String report(Load load, List<FaultFigures> figures, Audit audit, Duration auditTime) {
        List<Answer> answers = load.answers();
        StringBuilder report = new StringBuilder();
        report.append("FaultsIT: ")
                .append(load.flows().size())
                .append(" flows completed at ")
                .append(FLOWS_PER_SECOND)
                .append(" flows/s (open loop), ")
                .append(load.failures().size())
                .append(" failed; time to zero lag and empty outboxes after the load stopped: ")
                .append(audit.toZeroLag().toSeconds())
                .append(" s; audit ")
                .append(audit.problems().isEmpty() ? "clean" : audit.problems().size() + " problems")
                .append(" (")
                .append(auditTime.toSeconds())
                .append(" s)\n\n");
        report.append(String.format(
                "%-30s %10s %10s %8s %10s %12s%n",
                "fault", "healthy s", "window s", "answers", "retriable", "not retriable"));
        for (FaultFigures fault : figures) {
            List<Answer> during = answers.stream()
                    .filter(answer -> answer.phase().equals(fault.name()))
                    .toList();
            report.append(String.format(
                    "%-30s %10d %10d %8d %10d %12d%n",
                    fault.name(),
                    fault.toHealthy().toSeconds(),
                    fault.window().toSeconds(),
                    during.size(),
                    during.stream().filter(Answer::retriable).count(),
                    during.stream()
                            .filter(answer -> !answer.retriable() && answer.status() / 100 != 2)
                            .count()));
        }
        report.append("\nretriable answers by fault, step and status (0 = no answer):\n");
        answers.stream()
                .filter(Answer::retriable)
                .collect(Collectors.groupingBy(
                        answer -> answer.phase() + " / " + answer.step() + " / " + answer.status(),
                        TreeMap::new,
                        Collectors.counting()))
                .forEach((key, count) -> report.append("  ")
                        .append(key)
                        .append(": ")
                        .append(count)
                        .append('\n'));
        load.unexpectedAnswers()
                .forEach(answer -> report.append("unexpected: ").append(answer).append('\n'));
        load.failures()
                .forEach(failure -> report.append("failed: ").append(failure).append('\n'));
        audit.problems()
                .forEach(problem -> report.append("audit: ").append(problem).append('\n'));
        return report.toString();
    }
}
