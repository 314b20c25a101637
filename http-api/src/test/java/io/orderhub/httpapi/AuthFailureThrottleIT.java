package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Three failed authentications per hour from one address; every test request comes from 127.0.0.1. */
@TestPropertySource(properties = "AUTH_FAILURE_LIMIT=3/1h")
class AuthFailureThrottleIT extends GuardRailsTestBase {

    @Test
    void answers429ToRequestsWithoutAValidKeyOnceAnAddressFailedTooOftenAndLetsValidKeysThrough() {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(client("guessed-key-000" + i).get(path).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> guessed = client("guessed-key-0003").get(path);
        HttpResponse<String> missing = client(null).get(path);
        HttpResponse<String> valid = client(SHOP_KEY).get(path);

        assertThat(guessed.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(guessed.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 1200L);
        assertThat(guessed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(guessed.body()).contains("\"type\":\"https://orderhub.io/problems/rate-limited\"");
        assertThat(missing.statusCode()).isEqualTo(429);
        assertThat(missing.headers().firstValue("Retry-After")).isPresent();
        assertThat(valid.statusCode()).isEqualTo(404);
        assertThat(client(null).get("/api/v1/health").statusCode()).isNotEqualTo(429);
    }

    /**
     * Behind the edge every request comes from the edge's address; the client's travels in X-Forwarded-For,
     * which a service takes from a trusted (internal) hop only — here the test's loopback connection.
     */
    @Test
    void countsFailuresPerClientAddressForwardedByATrustedProxy() {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        Map<String, String> flooding = Map.of("X-Forwarded-For", "203.0.113.7");
        Map<String, String> another = Map.of("X-Forwarded-For", "198.51.100.9");
        for (int i = 0; i < 3; i++) {
            assertThat(client("guessed-key-100" + i)
                            .send("GET", path, new byte[0], flooding)
                            .statusCode())
                    .isEqualTo(401);
        }

        assertThat(client("guessed-key-1003")
                        .send("GET", path, new byte[0], flooding)
                        .statusCode())
                .isEqualTo(429);
        assertThat(client("guessed-key-1004")
                        .send("GET", path, new byte[0], another)
                        .statusCode())
                .isEqualTo(401);
    }
}
