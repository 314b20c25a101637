package io.orderhub.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.orderhub.harness.FullPlatform.ADMIN_KEY;
import static io.orderhub.harness.FullPlatform.B2B_KEY;
import static io.orderhub.harness.FullPlatform.BTCPAY_STORE;
import static io.orderhub.harness.FullPlatform.BTCPAY_WEBHOOK_SECRET;
import static io.orderhub.harness.FullPlatform.POS_KEY;
import static io.orderhub.harness.FullPlatform.SHOP_KEY;
import static io.orderhub.harness.FullPlatform.STRIPE_WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.harness.FullPlatform;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.systemtests.HostileRequests.Request;
import io.orderhub.testsupport.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input through the edge, generated from each service's own OpenAPI description: whatever a
 * caller sends, the platform answers below 500 (or a retriable 503 with {@code Retry-After}: an order not seen
 * yet), every error is an RFC 9457 problem document, no answer
 * shows internals, and every service is healthy afterwards. The seed is printed with every finding;
 * {@code -Dhostile.seed=<seed>} replays the same requests.
 */
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS_PER_SERVICE = Integer.getInteger("hostile.requests", 1100);
    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());

    /** What an answer must never show: stack traces, class names, SQL, the container's own pages. */
    private static final List<String> INTERNALS =
            List.of("Exception", "at io.", "at org.", "org.springframework", "java.", "SELECT", "Apache Tomcat");

    /** The same, in any letter case: a stack trace of the database layer, an HTML error page. */
    private static final List<String> INTERNALS_ANY_CASE = List.of("jooq", "psqlexception", "<html");

    private static final Map<String, String> KEYS =
            Map.of("admin", ADMIN_KEY, "woocommerce", SHOP_KEY, "pos", POS_KEY, "b2b", B2B_KEY);

    private static FullPlatform running;
    private static Platform platform;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @BeforeAll
    static void startThePlatform() {
        running = FullPlatform.start("hostile-input");
        platform = running.platform();
        // Whatever a generated payment asks the providers for, they answer as they would.
        running.stripe()
                .stubFor(any(anyUrl())
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("""
                                        {"id": "pi_fuzz", "object": "payment_intent", "amount": 4749, "amount_received": 0,
                                         "currency": "eur", "status": "requires_payment_method",
                                         "client_secret": "pi_fuzz_secret_x", "livemode": false, "metadata": {}}""")));
        running.btcpay()
                .stubFor(any(urlPathMatching("/api/v1/stores/" + BTCPAY_STORE + "/invoices.*"))
                        .atPriority(10)
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("""
                                        {"id": "invfuzz", "storeId": "%s", "amount": "47.49", "paidAmount": "0",
                                         "currency": "EUR", "type": "Standard", "checkoutLink": "https://btcpay.test/i/invfuzz",
                                         "status": "New", "additionalStatus": "None", "createdTime": 1700000000,
                                         "expirationTime": 1700000900, "monitoringExpiration": 1700086400,
                                         "archived": false, "metadata": {}}""".formatted(BTCPAY_STORE))));
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void everyServiceAnswersHostileInputWithProblemsBelow500AndStaysHealthy() throws Exception {
        List<String> knownIds = existingResources();
        Map<Service, Integer> sent = new EnumMap<>(Service.class);
        List<String> findings = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();

        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            for (Service service : Service.backends()) {
                JsonNode api = JSON.readTree(ApiClient.of(platform.url(service), null)
                        .get("/v3/api-docs")
                        .body());
                HostileRequests requests = new HostileRequests(api, KEYS, knownIds, signers());
                assertThat(requests.operations()).as(service.serviceName()).isNotEmpty();
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int i = 0; i < REQUESTS_PER_SERVICE; i++) {
                    long seed = SEED + service.ordinal() * 1_000_003L + i;
                    Request request = requests.request(i, seed);
                    answers.add(senders.submit(() -> {
                        check(service, seed, request).ifPresent(findings::add);
                        return true;
                    }));
                }
                for (Future<Boolean> answer : answers) {
                    answer.get();
                }
                sent.put(service, answers.size());
            }
        } finally {
            senders.shutdownNow();
        }
        System.out.printf(
                "Hostile input: %s requests in %d s, seed %d, %d findings%n",
                sent, Duration.ofNanos(System.nanoTime() - started).toSeconds(), SEED, findings.size());

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "hostile-input-findings.txt"), findings);
        assertThat(findings.stream().limit(40).toList())
                .as(
                        "%d findings, all in target/hostile-input-findings.txt; seed %d (-Dhostile.seed=%d replays it)",
                        findings.size(), SEED, SEED)
                .isEmpty();
        assertThat(sent.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(1000));
        for (Service service : Service.backends()) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(ApiClient.of(platform.url(service), null)
                                    .get("/actuator/health")
                                    .body())
                            .as(service.serviceName())
                            .contains("\"status\":\"UP\""));
        }
        assertThat(ApiClient.of(platform.origin(), null).get("/health").statusCode())
                .as("the platform's health at the edge")
                .isEqualTo(200);
    }

    /** The finding, if the answer breaks a rule; the seed reproduces the request. */
    private static Optional<String> check(Service service, long seed, Request request) {
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(http(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return Optional.of(finding(service, seed, request, "no answer: " + e));
        }
        String body = answer.body();
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        List<String> broken = new ArrayList<>();
        // The one 5xx an input may get: 503 with Retry-After, "not yet" (an order the hub has not seen yet, which it
        // cannot tell from one that never comes), never kept under the Idempotency-Key. Anything else is a finding.
        boolean retriable = answer.statusCode() == 503
                && answer.headers().firstValue("Retry-After").isPresent();
        if (answer.statusCode() >= 500 && !retriable) {
            broken.add("status " + answer.statusCode());
        }
        if (answer.statusCode() >= 400 && !request.method().equals("HEAD")) {
            if (!contentType.startsWith("application/problem+json")) {
                broken.add("error body is " + contentType + ", not a problem document");
            } else {
                try {
                    JsonNode problem = JSON.readTree(body);
                    for (String member : List.of("type", "title", "status", "detail")) {
                        if (!problem.hasNonNull(member)) {
                            broken.add("problem without " + member);
                        }
                    }
                    if (problem.path("status").asInt() != answer.statusCode()) {
                        broken.add("problem status " + problem.path("status") + " on a " + answer.statusCode());
                    }
                } catch (Exception e) {
                    broken.add("problem document is not JSON");
                }
            }
        }
        String lowerCase = body.toLowerCase(Locale.ROOT);
        for (String internal : INTERNALS) {
            if (body.contains(internal)) {
                broken.add("shows \"" + internal + "\"");
            }
        }
        for (String internal : INTERNALS_ANY_CASE) {
            if (lowerCase.contains(internal)) {
                broken.add("shows \"" + internal + "\"");
            }
        }
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(
                service,
                seed,
                request,
                String.join("; ", broken) + " — answer " + answer.statusCode() + " " + contentType + " "
                        + HostileRequests.abbreviate(body, 600)));
    }

    private static String finding(Service service, long seed, Request request, String what) {
        return service.serviceName() + " seed " + seed + ": " + request + "\n    → " + what;
    }

    private static HttpRequest http(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platform.origin() + request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return builder.build();
    }

    /** An order left open and one paid, so that generated ids reach past "not found" too. */
    private static List<String> existingResources() throws Exception {
        ApiClient pos = ApiClient.of(platform.origin(), POS_KEY);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> created = pos.post("/api/v1/orders", """
                    {"source": "pos", "source_order_id": "fuzz-%d-%d", "currency": "EUR",
                     "items": [{"name": "Coffee", "quantity": 2, "unit_price": 3.20, "tax_rate": 0.07}]}""".formatted(SEED, i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(JSON.readTree(created.body()).path("data").path("id").asText());
        }
        HttpResponse<String> payment = pos.post("/api/v1/payments", """
                {"order_id": "%s", "provider": "manual", "currency": "EUR"}""".formatted(ids.get(1)));
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(201);
        ids.add(JSON.readTree(payment.body()).path("data").path("id").asText());
        return ids;
    }

    /** Valid provider signatures over the generated bodies, so hostile webhook bodies reach the parsers. */
    private static Map<String, Function<byte[], String>> signers() {
        Map<String, Function<byte[], String>> signers = new LinkedHashMap<>();
        signers.put("/api/v1/webhooks/stripe", body -> {
            long t = System.currentTimeMillis() / 1000;
            byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
            byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
            System.arraycopy(body, 0, signed, prefix.length, body.length);
            return "Stripe-Signature:t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(STRIPE_WEBHOOK_SECRET, signed));
        });
        signers.put(
                "/api/v1/webhooks/btcpay",
                body -> "BTCPay-Sig:sha256=" + HexFormat.of().formatHex(hmac(BTCPAY_WEBHOOK_SECRET, body)));
        return signers;
    }

    private static byte[] hmac(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
