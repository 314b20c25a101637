package io.orderhub.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The edge in front of four stand-in services, each a real HTTP server. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "spring.http.clients.read-timeout=2s"})
class EdgeRoutingTest {

    private static final Map<String, WireMockServer> SERVICES = Map.of(
            "order-service", started(),
            "payment-service", started(),
            "webhook-gateway", started(),
            "callback-dispatcher", started(),
            "admin-console", started());

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add(
                "orderhub.edge.order-service",
                () -> SERVICES.get("order-service").baseUrl());
        registry.add(
                "orderhub.edge.payment-service",
                () -> SERVICES.get("payment-service").baseUrl());
        registry.add(
                "orderhub.edge.webhook-gateway",
                () -> SERVICES.get("webhook-gateway").baseUrl());
        registry.add(
                "orderhub.edge.callback-dispatcher",
                () -> SERVICES.get("callback-dispatcher").baseUrl());
        registry.add(
                "orderhub.edge.admin-console",
                () -> SERVICES.get("admin-console").baseUrl());
    }

    @BeforeEach
    void allServicesHealthy() {
        SERVICES.values().forEach(service -> {
            service.resetAll();
            service.stubFor(
                    get("/health").willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        });
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(WireMockServer::stop);
    }

    @Test
    void passesAWebhookBodyThroughByteForByte() throws Exception {
        // BTCPay signs indented multi-line JSON; one changed byte breaks the signature.
        byte[] body = "{\n  \"deliveryId\": \"d1\",\n  \"type\": \"InvoiceSettled\",\n  \"amount\": 1.50\t\n}\r\n"
                .getBytes(StandardCharsets.UTF_8);
        WireMockServer gateway = SERVICES.get("webhook-gateway");
        gateway.stubFor(post("/api/v1/webhooks/btcpay")
                .withRequestBody(binaryEqualTo(body))
                .withHeader("BTCPay-Sig", equalTo("sha256=abc"))
                .willReturn(aResponse().withStatus(200).withBody("{\"received\": true}")));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(edge("/api/v1/webhooks/btcpay"))
                        .header("Content-Type", "application/json")
                        .header("BTCPay-Sig", "sha256=abc")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\": true}");
        gateway.verify(
                1, postRequestedFor(urlEqualTo("/api/v1/webhooks/btcpay")).withRequestBody(binaryEqualTo(body)));
    }

    @Test
    void routesEachPathToItsService() throws Exception {
        Map<String, String> routes = Map.ofEntries(
                Map.entry("/api/v1/orders", "order-service"),
                Map.entry("/api/v1/import/orders/0a000000-0000-4000-8000-000000000001", "order-service"),
                Map.entry("/api/v1/import/payments/0b000000-0000-4000-8000-000000000001", "payment-service"),
                Map.entry("/api/v1/orders/0190-abc/history", "order-service"),
                Map.entry("/api/v1/settings", "order-service"),
                Map.entry("/api/v1/contracts?channel=b2b", "order-service"),
                Map.entry("/api/v1/contracts/0196a5c3-1a2b", "order-service"),
                Map.entry("/api/v1/payments/p1/refunds", "payment-service"),
                Map.entry("/api/v1/terminal/payment/p1/status", "payment-service"),
                Map.entry("/api/v1/reconciliation/runs/r1/report.csv", "payment-service"),
                Map.entry("/api/v1/invoices?order_id=0196a5c4-2b3c", "payment-service"),
                Map.entry("/api/v1/invoices/0196a5d2-3c4d/credit-notes", "payment-service"),
                Map.entry("/api/v1/bank-statements", "payment-service"),
                Map.entry("/api/v1/bank-credits?status=unmatched", "payment-service"),
                Map.entry("/api/v1/bank-credits/0196a5d2-3c4d/assign", "payment-service"),
                Map.entry("/api/v1/receivables/aging?contract_id=0196a5c3-1a2b", "payment-service"),
                Map.entry("/api/v1/settlements?from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z", "payment-service"),
                Map.entry("/api/v1/settlements.csv?from=2026-05-01T00:00:00Z", "payment-service"),
                Map.entry("/api/v1/callbacks/deliveries?status=failed", "callback-dispatcher"),
                Map.entry("/api/v1/webhooks/stripe", "webhook-gateway"),
                Map.entry("/admin", "admin-console"),
                Map.entry("/admin/orders?q=10023", "admin-console"),
                Map.entry("/admin/webjars/htmx.org/dist/htmx.min.js", "admin-console"));
        SERVICES.forEach((name, service) -> service.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse().withStatus(418).withBody(name))));

        for (var route : routes.entrySet()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(edge(route.getKey())).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as(route.getKey()).isEqualTo(route.getValue());
            assertThat(response.statusCode()).isEqualTo(418);
        }
    }

    @Test
    void passesTheConsoleLoginFormThroughWithItsSessionCookie() throws Exception {
        // A form body must reach the console as sent: the servlet container must not consume it as parameters.
        String form = "username=olga&password=s%26cret%3D&_csrf=token-1";
        WireMockServer console = SERVICES.get("admin-console");
        console.stubFor(post("/admin/login")
                .withRequestBody(equalTo(form))
                .withHeader("Cookie", equalTo("ORDERHUB_CONSOLE_SESSION=abc"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "/admin/orders")
                        .withHeader("Set-Cookie", "ORDERHUB_CONSOLE_SESSION=def; Path=/; HttpOnly")));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(edge("/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "ORDERHUB_CONSOLE_SESSION=abc")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/orders");
        assertThat(response.headers().firstValue("Set-Cookie"))
                .hasValue("ORDERHUB_CONSOLE_SESSION=def; Path=/; HttpOnly");
        console.verify(1, postRequestedFor(urlEqualTo("/admin/login")).withRequestBody(equalTo(form)));
    }

    @Test
    void answersItsOwnRefusalsAsProblemDocuments() throws Exception {
        Map<String, Integer> refusals = Map.of(
                "/nowhere", 404,
                "/api/v1/orders;x=1", 400,
                "/api/v1//orders", 400,
                "/api/v1/orders/./x", 400,
                "/api/v1/orders%2fx", 400);

        for (var refusal : refusals.entrySet()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(edge(refusal.getKey())).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(refusal.getKey()).isEqualTo(refusal.getValue());
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(refusal.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body())
                    .as(refusal.getKey())
                    .contains("\"status\":" + refusal.getValue())
                    .doesNotContain("Exception")
                    .doesNotContain("<html");
        }
        SERVICES.values().forEach(service -> service.verify(0, anyRequestedFor(urlMatching("/api/v1/orders.*"))));
    }

    @Test
    void answersAContentTypeItCannotForwardWith415() throws Exception {
        for (String contentType : List.of("*/*", "application/*", "not a media type")) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(edge("/api/v1/orders"))
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode())
                    .as(contentType + ": " + response.body())
                    .isEqualTo(415);
            assertThat(response.body()).as(contentType).contains("unsupported-media-type");
        }
    }

    @Test
    void answersItsRefusalOfAQueryParameterAsAProblem() throws Exception {
        for (String query : List.of("a%00b=1", "%0D%0AX-Injected%3A%201=1", "=-0")) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(edge("/api/v1/orders?" + query))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(query).contains("malformed-request");
        }
    }

    @Test
    void answersAServiceThatDropsTheConnectionAsABadGatewayProblem() throws Exception {
        SERVICES.get("payment-service")
                .stubFor(any(urlPathEqualTo("/api/v1/payments/dropped"))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(edge("/api/v1/payments/dropped")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body())
                .contains("bad-gateway")
                .doesNotContain("Exception")
                .doesNotContain("localhost");
        // Not retried by the edge, not even a GET: the caller decides, with its Idempotency-Key for a write.
        SERVICES.get("payment-service").verify(1, anyRequestedFor(urlPathEqualTo("/api/v1/payments/dropped")));
    }

    @Test
    void answersAServiceThatDoesNotAnswerInTimeAsAGatewayTimeoutProblem() throws Exception {
        SERVICES.get("order-service")
                .stubFor(get(urlPathEqualTo("/api/v1/orders/slow"))
                        .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(edge("/api/v1/orders/slow")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("gateway-timeout").doesNotContain("Exception");
        SERVICES.get("order-service").verify(1, anyRequestedFor(urlPathEqualTo("/api/v1/orders/slow")));
    }

    @Test
    void passesAnEncodedBodyThroughAsTheServiceSentIt() throws Exception {
        byte[] gzipped = gzip("{\"orders\": []}");
        WireMockServer orders = SERVICES.get("order-service");
        orders.stubFor(get(urlPathEqualTo("/api/v1/orders"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(gzipped)));

        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(edge("/api/v1/orders")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.body()).isEqualTo(gzipped);
        // The client asked for no encoding, so the edge asked for none either.
        orders.verify(1, anyRequestedFor(urlPathEqualTo("/api/v1/orders")).withoutHeader("Accept-Encoding"));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void isHealthyOnlyWhenAllFourServicesAre() throws Exception {
        assertThat(health().statusCode()).isEqualTo(200);

        SERVICES.get("payment-service")
                .stubFor(get("/health").willReturn(aResponse().withStatus(503).withBody("{\"status\":\"DOWN\"}")));

        HttpResponse<String> degraded = health();
        assertThat(degraded.statusCode()).isEqualTo(503);
        assertThat(degraded.body()).contains("\"payment-service\":\"DOWN\"").contains("\"order-service\":\"UP\"");
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(edge("/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI edge(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }
}
