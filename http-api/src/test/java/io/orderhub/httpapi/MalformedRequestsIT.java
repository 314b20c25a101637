package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No malformed request gets a 5xx or a body other than a problem: a hand-written corpus of what clients
 * get wrong, plus seeded random corruptions of a valid body (reproducible: the seed is fixed).
 */
class MalformedRequestsIT extends GuardRailsTestBase {

    record Attempt(String method, String path, byte[] body, Map<String, String> headers, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Attempt> malformedRequests() {
        List<Attempt> attempts = new ArrayList<>();
        String valid = order("woocommerce", "ref-valid", "1.00");
        List<String> bodies = List.of(
                "",
                "{",
                "}",
                "[]",
                "null",
                "true",
                "42",
                "\"text\"",
                "{\"source\":",
                "{'source': 'woocommerce'}",
                "{\"source\": \"woocommerce\", \"reference\": \"r\", \"amount\": \"ten\"}",
                "{\"source\": \"woocommerce\", \"reference\": \"r\", \"amount\": []}",
                "{\"source\": \"woocommerce\", \"reference\": \"r\", \"amount\": {}}",
                "{\"source\": 1, \"reference\": 2, \"amount\": 3}",
                "{\"source\": null, \"reference\": null, \"amount\": null}",
                "{\"source\": \"woocommerce\", \"reference\": \"r\", \"amount\": 1e999999}",
                "{\"source\": \"woocommerce\", \"reference\": \"r\", \"amount\": -0.5}",
                "{\"source\": \"woocommerce\", \"reference\": \"r\", \"amount\": NaN}",
                "{\"source\": \"woocommerce\" \"reference\": \"r\"}",
                "{\"source\": \"woocommerce\", \"reference\": \"r\", \"amount\": 1,}",
                "\u0000\u0001\u0002",
                "{\"source\": \"\\ud800\", \"reference\": \"r\", \"amount\": 1}",
                "{\"a\":".repeat(2000),
                "[".repeat(5000));
        for (String body : bodies) {
            attempts.add(new Attempt(
                    "POST",
                    "/api/v1/orders",
                    body.getBytes(StandardCharsets.UTF_8),
                    json(),
                    "body " + abbreviate(body)));
        }
        attempts.add(new Attempt(
                "POST",
                "/api/v1/orders",
                valid.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/plain"),
                "text/plain"));
        attempts.add(new Attempt(
                "POST",
                "/api/v1/orders",
                valid.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/xml"),
                "xml"));
        attempts.add(new Attempt(
                "POST", "/api/v1/orders", valid.getBytes(StandardCharsets.UTF_8), Map.of(), "no content type"));
        attempts.add(new Attempt(
                "PUT", "/api/v1/orders", valid.getBytes(StandardCharsets.UTF_8), json(), "PUT on a collection"));
        attempts.add(new Attempt("DELETE", "/api/v1/orders/123", new byte[0], Map.of(), "DELETE"));
        attempts.add(new Attempt("PATCH", "/api/v1/orders", new byte[0], Map.of(), "PATCH"));
        attempts.add(new Attempt("GET", "/api/v1/orders/not-a-uuid", new byte[0], Map.of(), "id not a uuid"));
        attempts.add(new Attempt(
                "GET", "/api/v1/orders/%2e%2e/%2e%2e/health", new byte[0], Map.of(), "encoded dot segments"));
        attempts.add(new Attempt("GET", "/api/v1/nothing-here", new byte[0], Map.of(), "unknown path"));
        attempts.add(new Attempt("GET", "/api/v1/orders/" + "x".repeat(3000), new byte[0], Map.of(), "very long id"));
        attempts.add(new Attempt("POST", "/api/v1/orders", new byte[1024 * 1024 + 10], json(), "over 1 MiB"));
        attempts.add(new Attempt(
                "POST",
                "/api/v1/orders",
                valid.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Idempotency-Key", "x".repeat(300)),
                "idempotency key too long"));
        attempts.add(new Attempt(
                "POST",
                "/api/v1/orders",
                valid.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Accept", "text/html"),
                "accepts only html"));

        // Seeded corruptions of a valid body: truncations, flipped bytes, inserted junk.
        Random random = new Random(20261127L);
        byte[] base = valid.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 30; i++) {
            byte[] corrupted = base.clone();
            int kind = i % 3;
            if (kind == 0) {
                corrupted = java.util.Arrays.copyOf(base, random.nextInt(base.length));
            } else if (kind == 1) {
                corrupted[random.nextInt(base.length)] = (byte) random.nextInt(256);
            } else {
                int at = random.nextInt(base.length);
                byte[] junk = new byte[1 + random.nextInt(5)];
                random.nextBytes(junk);
                byte[] grown = new byte[base.length + junk.length];
                System.arraycopy(base, 0, grown, 0, at);
                System.arraycopy(junk, 0, grown, at, junk.length);
                System.arraycopy(base, at, grown, at + junk.length, base.length - at);
                corrupted = grown;
            }
            attempts.add(new Attempt("POST", "/api/v1/orders", corrupted, json(), "corruption #" + i));
        }
        return attempts.stream();
    }

    @ParameterizedTest
    @MethodSource("malformedRequests")
    void answersAProblemAndNever5xx(Attempt attempt) {
        HttpResponse<String> response =
                client(SHOP_KEY).send(attempt.method(), attempt.path(), attempt.body(), attempt.headers());

        assertThat(response.statusCode()).as(attempt.description()).isBetween(200, 499);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body())
                    .contains("\"success\":false")
                    .doesNotContain("Exception")
                    .doesNotContain("at io.");
        }
    }

    private static Map<String, String> json() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static String abbreviate(String body) {
        String printable = body.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
