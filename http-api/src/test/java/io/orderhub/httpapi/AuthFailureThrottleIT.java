package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
}
