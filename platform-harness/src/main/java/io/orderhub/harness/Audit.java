package io.orderhub.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhub.harness.MixedLoad.Flow;
import io.orderhub.local.Database;
import io.orderhub.local.Service;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the load left behind, from the channels' and providers' point of view and from the databases. For
 * every flow the platform answered 2xx throughout: its order exists exactly once and is paid exactly its
 * total, it has exactly one payment (Stripe, BTCPay or manual), which succeeded exactly once, and its channel
 * received the callback of the order's final status ({@code paid}, or the status the flow moved it to), with
 * versions that never go back. A flow's refund is applied exactly once: one refund row under its
 * Idempotency-Key, succeeded, the payment's and the order's refunded amounts exactly what was asked, and Stripe
 * asked for it under one Idempotency-Key (none for a flow without a refund); a flow's transition is in the
 * order's history exactly once. And for the platform: outboxes drain to zero, consumer lag returns to zero,
 * nothing is dead-lettered.
 */
public final class Audit {

    /** What kind of promise a problem breaks. */
    public enum Kind {
        /** An effect answered 2xx that did not happen (or did not reach the channel). */
        LOST,
        /** An effect that happened more than once. */
        DOUBLED,
        /** A channel told an older state after a newer one. */
        OUT_OF_ORDER,
        /** Outboxes, lag or dead letters. */
        PLATFORM
    }

    public record Problem(Kind kind, String what) {}

    public static final List<String> CONSUMER_GROUPS =
            List.of("order-service", "payment-service", "callback-dispatcher");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CALLBACK_PATHS = List.of("/wp-json/order-hub/v1/callback", "/pos/callbacks");

    private final Map<Service, Database> databases;
    private final String bootstrapServers;
    private final Supplier<List<JsonNode>> callbacks;
    private final Supplier<Map<String, Set<String>>> stripeRefunds;

    /**
     * @param callbacks the callbacks the channels received, in the order they arrived
     * @param stripeRefunds the Idempotency-Keys of the refunds Stripe was asked for, by the hub's payment id
     */
    public Audit(
            Map<Service, Database> databases,
            String bootstrapServers,
            Supplier<List<JsonNode>> callbacks,
            Supplier<Map<String, Set<String>>> stripeRefunds) {
        this.databases = Map.copyOf(databases);
        this.bootstrapServers = bootstrapServers;
        this.callbacks = callbacks;
        this.stripeRefunds = stripeRefunds;
    }

    /** The audit of a platform whose channels' callbacks reach its WireMock receivers, and Stripe its WireMock. */
    public static Audit of(FullPlatform platform, String bootstrapServers) {
        return new Audit(
                platform.databases(),
                bootstrapServers,
                () -> receivedCallbacks(platform),
                () -> stripeRefundKeys(platform));
    }

    /**
     * Waits up to {@code settle} for the flows' effects (orders in their final status with their refunds,
     * final callbacks received), then checks them; an effect still missing then counts as lost.
     */
    public List<Problem> check(Collection<Flow> flows, Duration settle) throws Exception {
        Map<String, Flow> byOrder = flows.stream().collect(Collectors.toMap(Flow::orderId, flow -> flow));
        try {
            await().atMost(settle)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> settledOrders(byOrder) == byOrder.size() && finalCallbacks(byOrder) == byOrder.size());
        } catch (ConditionTimeoutException e) {
            // What has not settled by now is reported below, flow by flow.
        }
        List<Problem> problems = new ArrayList<>();
        problems.addAll(orderProblems(flows));
        problems.addAll(transitionProblems(flows));
        problems.addAll(paymentProblems(flows));
        problems.addAll(refundProblems(flows));
        problems.addAll(stripeRefundProblems(flows));
        problems.addAll(callbackProblems(byOrder));
        long deadLetters = deadLetters();
        if (deadLetters != 0) {
            problems.add(new Problem(Kind.PLATFORM, "dead-lettered events: " + deadLetters));
        }
        return problems;
    }

    /** Waits until the outboxes are empty and consumers have no lag; returns how long that took. */
    public Duration awaitDrained(Duration timeout) {
        long start = System.nanoTime();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> outboxRows() == 0 && lag() == 0);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The end offsets, now, of every partition the services' consumer groups read. */
    public Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String group : CONSUMER_GROUPS) {
                committed(admin, group).keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    /** Whether every consumer group has committed up to {@code ends} on every partition it reads. */
    public boolean caughtUp(Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = admin()) {
            for (String group : CONSUMER_GROUPS) {
                for (var entry : committed(admin, group).entrySet()) {
                    Long end = ends.get(entry.getKey());
                    if (end != null && entry.getValue().offset() < end) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Records published but not yet committed by the consumer groups, in all. */
    public long lag() throws Exception {
        Map<TopicPartition, Long> ends = endOffsets();
        try (Admin admin = admin()) {
            long lag = 0;
            for (String group : CONSUMER_GROUPS) {
                for (var entry : committed(admin, group).entrySet()) {
                    lag += ends.getOrDefault(entry.getKey(), 0L)
                            - entry.getValue().offset();
                }
            }
            return lag;
        }
    }

    /** Rows waiting in the services' outboxes. */
    public long outboxRows() throws SQLException {
        long rows = 0;
        for (var owner : Map.of(
                        Service.ORDER_SERVICE, "orders",
                        Service.PAYMENT_SERVICE, "payments",
                        Service.CALLBACK_DISPATCHER, "callbacks")
                .entrySet()) {
            try (Connection connection = connect(owner.getKey());
                    ResultSet result = connection
                            .createStatement()
                            .executeQuery("select count(*) from " + owner.getValue() + ".outbox")) {
                result.next();
                rows += result.getLong(1);
            }
        }
        return rows;
    }

    /** Records on the dead-letter topics. */
    public long deadLetters() throws Exception {
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

    // --- orders and payments ----------------------------------------------------------------------

    private List<Problem> orderProblems(Collection<Flow> flows) throws SQLException {
        Map<String, List<String[]>> bySource = new HashMap<>();
        eachRow(
                Service.ORDER_SERVICE,
                "select source_order_id, id::text, status, paid_amount, grand_total, refunded_amount"
                        + " from orders.orders where source_order_id = any(?)",
                "varchar",
                flows.stream().map(Flow::sourceOrderId),
                rows -> {
                    bySource.computeIfAbsent(rows.getString(1), source -> new ArrayList<>())
                            .add(new String[] {
                                rows.getString(2),
                                rows.getString(3),
                                rows.getBigDecimal(4).toPlainString(),
                                rows.getBigDecimal(5).toPlainString(),
                                rows.getBigDecimal(6).toPlainString()
                            });
                });
        List<Problem> problems = new ArrayList<>();
        for (Flow flow : flows) {
            List<String[]> stored = bySource.getOrDefault(flow.sourceOrderId(), List.of());
            if (stored.isEmpty()) {
                problems.add(new Problem(Kind.LOST, "order answered 2xx but not stored: " + flow.sourceOrderId()));
                continue;
            }
            if (stored.size() > 1) {
                problems.add(
                        new Problem(Kind.DOUBLED, "order stored " + stored.size() + " times: " + flow.sourceOrderId()));
            }
            String[] order = stored.get(0);
            int paid = new BigDecimal(order[2]).compareTo(new BigDecimal(order[3]));
            if (paid > 0) {
                problems.add(new Problem(
                        Kind.DOUBLED, "order " + order[0] + " paid " + order[2] + " of a total " + order[3]));
            } else if (paid < 0 || !flow.status().equals(order[1])) {
                problems.add(new Problem(
                        Kind.LOST,
                        "order " + order[0] + " " + order[1] + " (expected " + flow.status() + "), paid " + order[2]
                                + " of " + order[3]));
            }
            Kind refunded = amountProblem(new BigDecimal(order[4]), flow.refunded());
            if (refunded != null) {
                problems.add(new Problem(
                        refunded, "order " + order[0] + " refunded " + order[4] + ", asked " + flow.refunded()));
            }
        }
        return problems;
    }

    /** Whether a stored amount is what was asked ({@code null}), more ({@code DOUBLED}) or less ({@code LOST}). */
    private static Kind amountProblem(BigDecimal stored, BigDecimal asked) {
        int compared = stored.compareTo(asked);
        return compared == 0 ? null : compared > 0 ? Kind.DOUBLED : Kind.LOST;
    }

    /** Each transition a flow made is in its order's history exactly once. */
    private List<Problem> transitionProblems(Collection<Flow> flows) throws SQLException {
        List<Flow> moved = flows.stream().filter(Flow::transitioned).toList();
        Map<String, Long> applied = new HashMap<>();
        eachRow(
                Service.ORDER_SERVICE,
                "select order_id::text, new_status, count(*) from orders.order_status_history"
                        + " where order_id = any(?) group by order_id, new_status",
                "uuid",
                moved.stream().map(Flow::orderId),
                rows -> {
                    applied.put(rows.getString(1) + " " + rows.getString(2), rows.getLong(3));
                });
        List<Problem> problems = new ArrayList<>();
        for (Flow flow : moved) {
            long times = applied.getOrDefault(flow.orderId() + " " + flow.status(), 0L);
            if (times != 1) {
                problems.add(new Problem(
                        times == 0 ? Kind.LOST : Kind.DOUBLED,
                        "order " + flow.orderId() + " moved to " + flow.status() + " " + times + " times"));
            }
        }
        return problems;
    }

    private List<Problem> paymentProblems(Collection<Flow> flows) throws SQLException {
        Map<String, Long> payments = new HashMap<>();
        Map<String, Long> succeeded = new HashMap<>();
        eachRow(
                Service.PAYMENT_SERVICE,
                "select p.order_id::text, p.id::text, p.status, count(h.id) from payments.payment p"
                        + " left join payments.payment_status_history h"
                        + " on h.payment_id = p.id and h.new_status = 'succeeded'"
                        // A refund's changes are versions of the payment too, in the status it is in.
                        + " and h.event_type <> 'REFUND_CHANGED'"
                        + " where p.order_id = any(?) group by p.order_id, p.id, p.status",
                "uuid",
                flows.stream().map(Flow::orderId),
                rows -> {
                    payments.merge(rows.getString(1), 1L, Long::sum);
                    succeeded.merge(rows.getString(1), rows.getLong(4), Long::sum);
                });
        List<Problem> problems = new ArrayList<>();
        for (Flow flow : flows) {
            long count = payments.getOrDefault(flow.orderId(), 0L);
            long successes = succeeded.getOrDefault(flow.orderId(), 0L);
            if (count == 0 || successes == 0) {
                problems.add(new Problem(
                        Kind.LOST,
                        "order " + flow.orderId() + ": " + count + " payments, " + successes + " succeeded"));
            } else if (count > 1 || successes > 1) {
                problems.add(new Problem(
                        Kind.DOUBLED,
                        "order " + flow.orderId() + ": " + count + " payments, " + successes + " times succeeded"));
            }
        }
        return problems;
    }

    /**
     * A flow's refund is one succeeded refund row under its Idempotency-Key, and its payment's refunded amount is
     * what was asked; a flow without a refund has no refund row and nothing refunded.
     */
    private List<Problem> refundProblems(Collection<Flow> flows) throws SQLException {
        Map<String, BigDecimal> refunded = new HashMap<>();
        Map<String, List<RefundRow>> refunds = new HashMap<>();
        eachRow(
                Service.PAYMENT_SERVICE,
                "select p.id::text, p.refunded_amount, r.amount, r.status, r.idempotency_key"
                        + " from payments.payment p left join payments.refund r on r.payment_id = p.id"
                        + " where p.id = any(?)",
                "uuid",
                flows.stream().map(Flow::paymentId),
                rows -> {
                    refunded.put(rows.getString(1), rows.getBigDecimal(2));
                    if (rows.getBigDecimal(3) != null) {
                        refunds.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                                .add(new RefundRow(rows.getBigDecimal(3), rows.getString(4), rows.getString(5)));
                    }
                });
        List<Problem> problems = new ArrayList<>();
        for (Flow flow : flows) {
            List<RefundRow> rows = refunds.getOrDefault(flow.paymentId(), List.of());
            int expected = flow.refundKey() == null ? 0 : 1;
            String what = "payment " + flow.paymentId() + ": refunds " + rows + ", asked " + flow.refunded() + " as "
                    + flow.refundKey();
            if (rows.size() != expected) {
                problems.add(new Problem(rows.size() > expected ? Kind.DOUBLED : Kind.LOST, what));
            } else if (expected == 1 && !rows.get(0).is(flow.refunded(), "succeeded", flow.refundKey())) {
                problems.add(new Problem(Kind.LOST, what));
            }
            Kind amount = amountProblem(refunded.getOrDefault(flow.paymentId(), BigDecimal.ZERO), flow.refunded());
            if (amount != null) {
                problems.add(new Problem(
                        amount,
                        "payment " + flow.paymentId() + " refunded " + refunded.get(flow.paymentId()) + ", asked "
                                + flow.refunded()));
            }
        }
        return problems;
    }

    private record RefundRow(BigDecimal amount, String status, String idempotencyKey) {

        boolean is(BigDecimal asked, String expectedStatus, String key) {
            return amount.compareTo(asked) == 0 && expectedStatus.equals(status) && key.equals(idempotencyKey);
        }
    }

    /** Stripe was asked for a flow's Stripe refund under exactly one Idempotency-Key, and for no other. */
    private List<Problem> stripeRefundProblems(Collection<Flow> flows) {
        Map<String, Set<String>> asked = stripeRefunds.get();
        List<Problem> problems = new ArrayList<>();
        for (Flow flow : flows) {
            int keys = asked.getOrDefault(flow.paymentId(), Set.of()).size();
            int expected = flow.refundKey() != null && flow.kind() == MixedLoad.Kind.WOOCOMMERCE_STRIPE ? 1 : 0;
            if (keys != expected) {
                problems.add(new Problem(
                        keys > expected ? Kind.DOUBLED : Kind.LOST,
                        "Stripe was asked for " + keys + " refunds of payment " + flow.paymentId() + ", expected "
                                + expected));
            }
        }
        return problems;
    }

    /** Flows whose order is in its final status with exactly its refund. */
    private long settledOrders(Map<String, Flow> byOrder) throws SQLException {
        AtomicLong settled = new AtomicLong();
        eachRow(
                Service.ORDER_SERVICE,
                "select id::text, status, refunded_amount from orders.orders where id = any(?)",
                "uuid",
                byOrder.keySet().stream(),
                rows -> {
                    Flow flow = byOrder.get(rows.getString(1));
                    if (flow.status().equals(rows.getString(2))
                            && flow.refunded().compareTo(rows.getBigDecimal(3)) == 0) {
                        settled.incrementAndGet();
                    }
                });
        return settled.get();
    }

    // --- callbacks --------------------------------------------------------------------------------

    /** Flows whose channel received the callback of the order's final status. */
    private long finalCallbacks(Map<String, Flow> flows) {
        Map<String, List<JsonNode>> byOrder = callbacksByOrder(flows.keySet());
        return flows.values().stream()
                .filter(flow -> byOrder.getOrDefault(flow.orderId(), List.of()).stream()
                        .anyMatch(body -> flow.status().equals(field(body, "status"))))
                .count();
    }

    /**
     * The channel received the callback of the order's final status (a newer version supersedes an older one
     * still waiting, so a moved order's {@code paid} callback may never be sent), versions never going back.
     */
    private List<Problem> callbackProblems(Map<String, Flow> flows) {
        Map<String, List<JsonNode>> byOrder = callbacksByOrder(flows.keySet());
        List<Problem> problems = new ArrayList<>();
        for (Flow flow : flows.values()) {
            String orderId = flow.orderId();
            List<JsonNode> bodies = byOrder.getOrDefault(orderId, List.of());
            if (bodies.stream().noneMatch(body -> flow.status().equals(field(body, "status")))) {
                problems.add(new Problem(Kind.LOST, "no " + flow.status() + " callback of order " + orderId));
            }
            long newest = 0;
            for (JsonNode body : bodies) {
                long version = Long.parseLong(field(body, "version").isEmpty() ? "0" : field(body, "version"));
                if (version < newest) {
                    problems.add(new Problem(
                            Kind.OUT_OF_ORDER,
                            "callback of order " + orderId + " went back from version " + newest + " to " + version));
                }
                newest = Math.max(newest, version);
            }
        }
        return problems;
    }

    /** The channels' callbacks of these orders, per order in the order they arrived. */
    private Map<String, List<JsonNode>> callbacksByOrder(Set<String> orderIds) {
        Map<String, List<JsonNode>> byOrder = new HashMap<>();
        for (JsonNode body : callbacks.get()) {
            String orderId = field(body, "order_id");
            if (orderIds.contains(orderId)) {
                byOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(body);
            }
        }
        return byOrder;
    }

    /** A field of the hub's callback body, at its top or under {@code data}. */
    private static String field(JsonNode body, String name) {
        JsonNode value = body.has(name) ? body.get(name) : body.path("data").path(name);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static List<JsonNode> receivedCallbacks(FullPlatform platform) {
        return CALLBACK_PATHS.stream()
                .flatMap(path -> platform.receivers().findAll(postRequestedFor(urlPathEqualTo(path))).stream())
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(request -> readTree(request.getBody()))
                .toList();
    }

    /** The Idempotency-Keys of the refunds Stripe's fake was asked for, by the hub's payment id (in metadata). */
    private static Map<String, Set<String>> stripeRefundKeys(FullPlatform platform) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (LoggedRequest request : platform.stripe().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")))) {
            String paymentId =
                    request.formParameter("metadata[orderhub_payment_id]").firstValue();
            keys.computeIfAbsent(paymentId, id -> new HashSet<>()).add(request.getHeader("Idempotency-Key"));
        }
        return keys;
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    // --- connections ------------------------------------------------------------------------------

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS));
        committed.values().removeIf(offset -> offset == null);
        return committed;
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(properties);
    }

    /** What is read of each row a query answers. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql}, whose one parameter is an array of {@code ids} of SQL type {@code idType}, row by row. */
    private void eachRow(Service service, String sql, String idType, Stream<String> ids, RowReader reader)
            throws SQLException {
        try (Connection connection = connect(service);
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf(idType, ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private Connection connect(Service service) throws SQLException {
        Database database = databases.get(service);
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
