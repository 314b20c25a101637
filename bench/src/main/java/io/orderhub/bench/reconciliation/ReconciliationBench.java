package io.orderhub.bench.reconciliation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.orderhub.bench.reconciliation.PaymentServiceProcess.median;
import static io.orderhub.bench.reconciliation.PaymentServiceProcess.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.param.PaymentIntentListParams;
import io.orderhub.bench.BenchResults;
import io.orderhub.bench.CpuTimes;
import io.orderhub.local.Database;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.local.postgres.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payments reconciled per second: payment-service (its jar, {@code -Xmx512m}) reconciles a window of Stripe
 * PaymentIntents, read from a WireMock Stripe in this JVM in pages of 100 as stripe-java reads api.stripe.com,
 * against the hub's own payments in PostgreSQL 15 ({@code LocalPostgres}, as bin/orderhub-local runs it). 99 % of
 * the intents are the hub's (the same amount and status: nothing to report), 1 % were made without the hub
 * ({@code missing_in_hub}, stored as mismatches). Each run is timed by the service itself (the run's
 * {@code created_at} to {@code finished_at}); CPU per payment of each process comes from {@code /proc}
 * ({@link CpuTimes}).
 *
 * <p>The reference, measured in the same run on the same pages: stripe-java in this JVM listing the same window
 * page by page and doing nothing with it, the least any reconciliation must do. Its CPU per payment is this JVM's
 * during the listing less what WireMock's serving costs per payment (this JVM's CPU during the service's runs).
 *
 * <p>Arguments: {@code [payments=10000] [runs=3] [warmupRuns=2]}.
 */
public final class ReconciliationBench {

    private static final String ADMIN_KEY = PaymentServiceProcess.ADMIN_KEY;
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(1));
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReconciliationBench() {}

    public static void main(String[] args) throws Exception {
        int payments = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmupRuns = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("reconciliation-bench");
        List<String> serviceJvm = PaymentServiceProcess.JVM;
        WireMockServer stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        try (LocalPostgres postgres = LocalPostgres.startPersistent(work.resolve("postgres"), 0);
                KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            postgres.ensureDatabase("orderhub", "orderhub", "orderhub");
            Database database = new Database(postgres.jdbcUrl("orderhub"), "orderhub", "orderhub");
            int hubs = stubPages(stripe, payments);
            try (Platform service = PaymentServiceProcess.start(
                    root,
                    work,
                    database,
                    broker,
                    Map.of("STRIPE_API_KEY", "sk_test_bench", "STRIPE_API_BASE", stripe.baseUrl()))) {
                insertHubPayments(database, hubs);
                URI base = service.url(Service.PAYMENT_SERVICE);
                CpuTimes cpu = PaymentServiceProcess.cpu(service, work.resolve("postgres"));
                System.out.printf("payment-service on %s; %d payments, %d of them the hub's%n", base, payments, hubs);

                for (int i = 0; i < warmupRuns; i++) {
                    reconcile(base, payments);
                    listing(stripe, payments);
                }
                List<Map<String, Object>> measured = new ArrayList<>();
                List<Double> perSecond = new ArrayList<>();
                List<Double> serviceMs = new ArrayList<>();
                List<Double> servingMs = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    Map<String, Long> before = cpu.read();
                    double seconds = reconcile(base, payments);
                    Map<String, Long> after = cpu.read();
                    Map<String, Object> perPayment = cpu.perUnit(before, after, payments);
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("seconds", round(seconds));
                    run.put("payments_per_second", round(payments / seconds));
                    run.put("cpu_per_payment", perPayment);
                    measured.add(run);
                    perSecond.add(payments / seconds);
                    serviceMs.add((Double) perPayment.get("service_ms"));
                    servingMs.add((Double) perPayment.get("bench_jvm_ms"));
                }
                List<Double> referenceMs = new ArrayList<>();
                List<Double> referencePerSecond = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    Map<String, Long> before = cpu.read();
                    double seconds = listing(stripe, payments);
                    Map<String, Long> after = cpu.read();
                    referenceMs.add(
                            (Double) cpu.perUnit(before, after, payments).get("bench_jvm_ms"));
                    referencePerSecond.add(payments / seconds);
                }
                double reference = Math.max(0.001, median(referenceMs) - median(servingMs));
                new BenchResults("reconciliation")
                        .line("A Stripe reconciliation run of " + payments + " PaymentIntents (100 a page, " + hubs
                                + " of them the hub's, the rest made without it) by payment-service's jar ("
                                + serviceJvm + ") with PostgreSQL 15 (LocalPostgres) and one KRaft broker;"
                                + " Stripe is WireMock in the bench JVM.")
                        .line("Timed by the service (the run's created_at to finished_at), " + runs + " runs after "
                                + warmupRuns + " warm-up runs; CPU per payment from /proc.")
                        .line("Reference: stripe-java in the bench JVM listing the same pages and doing nothing"
                                + " with them; its CPU per payment less WireMock's serving (the bench JVM's CPU"
                                + " during the service's runs).")
                        .figure("payments", payments)
                        .figure("hub_payments", hubs)
                        .figure("payments_reconciled_per_second", round(median(perSecond)))
                        .figure("service_cpu_ms_per_payment", round(median(serviceMs)))
                        .figure("wiremock_serving_cpu_ms_per_payment", round(median(servingMs)))
                        .figure("reference_listing_cpu_ms_per_payment", round(reference))
                        .figure("reference_listing_payments_per_second", round(median(referencePerSecond)))
                        .figure("service_to_reference_cpu_ratio", round(median(serviceMs) / reference))
                        .figure("runs", measured)
                        .write(root);
            }
        } finally {
            stripe.stop();
        }
    }

    /** Stripe's pages of the window; answers how many of the intents are the hub's. */
    private static int stubPages(WireMockServer stripe, int payments) {
        int hubs = 0;
        String previous = null;
        int pages = (payments + 99) / 100;
        for (int page = 0; page < pages; page++) {
            List<String> data = new ArrayList<>();
            for (int i = page * 100; i < Math.min(payments, (page + 1) * 100); i++) {
                boolean hub = i % 100 != 99;
                hubs += hub ? 1 : 0;
                data.add("""
                        {"id": "%s", "object": "payment_intent", "amount": 1000, "currency": "eur",
                         "status": "succeeded", "created": %d, "livemode": false, "metadata": {%s}}""".formatted(
                                intent(i),
                                FROM.getEpochSecond() + i,
                                hub ? "\"orderhub_payment_id\": \"" + paymentId(i) + "\"" : ""));
            }
            stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents"))
                    .withQueryParam("created[gte]", equalTo(String.valueOf(FROM.getEpochSecond())))
                    .withQueryParam("created[lt]", equalTo(String.valueOf(TO.getEpochSecond())))
                    .withQueryParam("starting_after", previous == null ? absent() : equalTo(previous))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"object\": \"list\", \"url\": \"/v1/payment_intents\", \"has_more\": "
                                    + (page < pages - 1) + ", \"data\": [" + String.join(",", data) + "]}")));
            previous = intent(Math.min(payments, (page + 1) * 100) - 1);
        }
        stripe.stubFor(
                get(urlPathEqualTo("/v1/refunds"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"object\": \"list\", \"url\": \"/v1/refunds\", \"has_more\": false, \"data\": []}")));
        return hubs;
    }

    private static String intent(int i) {
        return "pi_bench_%06d".formatted(i);
    }

    private static String paymentId(int i) {
        return "01940000-0000-7000-8000-%012d".formatted(i);
    }

    /** The hub's side: its published, succeeded payments of the same intents, created in the window. */
    private static void insertHubPayments(Database database, int hubs) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement insert = connection.prepareStatement("""
                        insert into payments.payment (id, order_id, source, provider, status, version, amount, currency,
                            provider_reference, recorded, created_at, updated_at)
                        values (?::uuid, gen_random_uuid(), 'woocommerce', 'stripe', 'succeeded', 2, 10.00, 'EUR', ?,
                            false, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (int i = 0, n = 0; n < hubs; i++) {
                if (i % 100 == 99) {
                    continue;
                }
                java.sql.Timestamp at = java.sql.Timestamp.from(FROM.plusSeconds(i));
                insert.setString(1, paymentId(i));
                insert.setString(2, intent(i));
                insert.setTimestamp(3, at);
                insert.setTimestamp(4, at);
                insert.addBatch();
                n++;
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** One run through the API; answers its duration as the service timed it. */
    private static double reconcile(URI base, int payments) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/reconciliation/runs"))
                        .header("Authorization", "Bearer " + ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"provider\": \"stripe\", \"from\": \"" + FROM + "\", \"to\": \"" + TO + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("Run not started: " + started.body());
        }
        String id = JSON.readTree(started.body()).path("data").path("id").asText();
        while (true) {
            JsonNode run = JSON.readTree(http.send(
                                    HttpRequest.newBuilder(base.resolve("/api/v1/reconciliation/runs/" + id))
                                            .header("Authorization", "Bearer " + ADMIN_KEY)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("data");
            String status = run.path("status").asText();
            if (status.equals("completed")) {
                if (run.path("provider_payments").asInt() != payments
                        || run.path("counts").path("missing_in_hub").asInt() != payments / 100) {
                    throw new IllegalStateException("Unexpected outcome: " + run.path("counts"));
                }
                return Duration.between(
                                        Instant.parse(run.path("created_at").asText()),
                                        Instant.parse(run.path("finished_at").asText()))
                                .toNanos()
                        / 1e9;
            }
            if (!status.equals("running")) {
                throw new IllegalStateException("Run " + status + ": " + run.path("failure"));
            }
            Thread.sleep(50);
        }
    }

    /** The reference: stripe-java reading the same pages and doing nothing with them. */
    private static double listing(WireMockServer stripe, int payments) throws Exception {
        StripeClient client = StripeClient.builder()
                .setApiKey("sk_test_bench")
                .setApiBase(stripe.baseUrl())
                .build();
        long start = System.nanoTime();
        int seen = 0;
        String after = null;
        while (true) {
            PaymentIntentListParams.Builder params = PaymentIntentListParams.builder()
                    .setCreated(PaymentIntentListParams.Created.builder()
                            .setGte(FROM.getEpochSecond())
                            .setLt(TO.getEpochSecond())
                            .build())
                    .setLimit(100L);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<PaymentIntent> page = client.v1().paymentIntents().list(params.build());
            seen += page.getData().size();
            if (!Boolean.TRUE.equals(page.getHasMore())) {
                break;
            }
            after = page.getData().get(page.getData().size() - 1).getId();
        }
        if (seen != payments) {
            throw new IllegalStateException("Listed " + seen + " of " + payments);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
