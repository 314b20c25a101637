package io.orderhub.orders.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/settings}: the plugin's Test Connection gets 200 for any valid key, 401 otherwise. */
@OrderServiceIntegrationTest
class SettingsIT {

    @LocalServerPort
    int port;

    static Stream<Arguments> keysWithOneScope() {
        return Stream.of(
                Arguments.of(TestKeys.READ_ONLY, "readonly", "readonly", "orders:read"),
                Arguments.of(TestKeys.ONLY_ORDERS_WRITE, "b2b", "only-orders-write", "orders:write"),
                Arguments.of(TestKeys.ONLY_PAYMENTS_READ, "b2b", "only-payments-read", "payments:read"),
                Arguments.of(TestKeys.ONLY_PAYMENTS_WRITE, "b2b", "only-payments-write", "payments:write"),
                Arguments.of(TestKeys.ONLY_CALLBACKS_READ, "b2b", "only-callbacks-read", "callbacks:read"),
                Arguments.of(TestKeys.ONLY_CALLBACKS_WRITE, "b2b", "only-callbacks-write", "callbacks:write"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("keysWithOneScope")
    void answersAKeyWithAnySingleScope(String key, String channel, String name, String scope) {
        Answer answer = OrderApi.on(port, key).get("/api/v1/settings");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode data = answer.data();
        assertThat(data.get("channel").asString()).isEqualTo(channel);
        assertThat(data.get("key_name").asString()).isEqualTo(name);
        assertThat(data.get("scopes").valueStream().map(JsonNode::asString)).containsExactly(scope);
        assertThat(data.get("admin").asBoolean()).isFalse();
    }

    @Test
    void describesThePluginsKeyWithItsChannelScopesRateLimitAndApiVersion() {
        Answer answer = OrderApi.on(port, TestKeys.WOOCOMMERCE).get("/api/v1/settings");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).isTrue();
        JsonNode data = answer.data();
        assertThat(data.get("api_version").asString()).isEqualTo("v1");
        assertThat(data.get("channel").asString()).isEqualTo("woocommerce");
        assertThat(data.get("key_name").asString()).isEqualTo("shop");
        assertThat(data.get("scopes").valueStream().map(JsonNode::asString))
                .containsExactly(
                        "callbacks:read",
                        "callbacks:write",
                        "orders:read",
                        "orders:write",
                        "payments:read",
                        "payments:write");
        // The context's RATE_LIMIT is 100000/1m; this key has no limit of its own.
        assertThat(data.at("/rate_limit/requests").asLong()).isEqualTo(100_000);
        assertThat(data.at("/rate_limit/window_seconds").asLong()).isEqualTo(60);
        assertThat(data.at("/rate_limit/own_limit").asBoolean()).isFalse();
        assertThat(data.at("/callbacks/endpoints").asString()).isEqualTo("/api/v1/callbacks/endpoints");
    }

    @Test
    void showsAKeysOwnRateLimit() {
        JsonNode data = OrderApi.on(port, TestKeys.ONLY_CALLBACKS_READ)
                .get("/api/v1/settings")
                .data();

        assertThat(data.at("/rate_limit/requests").asLong()).isEqualTo(50);
        assertThat(data.at("/rate_limit/window_seconds").asLong()).isEqualTo(60);
        assertThat(data.at("/rate_limit/own_limit").asBoolean()).isTrue();
    }

    @Test
    void marksTheAdminKey() {
        JsonNode data =
                OrderApi.on(port, TestKeys.ADMIN).get("/api/v1/settings").data();

        assertThat(data.get("channel").asString()).isEqualTo("admin");
        assertThat(data.get("admin").asBoolean()).isTrue();
    }

    @Test
    void neverShowsTheKeyOrItsHash() {
        for (String key : List.of(TestKeys.WOOCOMMERCE, TestKeys.ADMIN, TestKeys.READ_ONLY)) {
            Answer answer = OrderApi.on(port, key).get("/api/v1/settings");

            assertThat(answer.text()).doesNotContain(key).doesNotContainIgnoringCase(sha256(key));
        }
    }

    @Test
    void refusesARequestWithoutAKeyAsAProblem() {
        Answer answer = OrderApi.on(port, null).get("/api/v1/settings");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void refusesAnUnknownKeyAsAProblem() {
        Answer answer = OrderApi.on(port, "not-a-configured-key").get("/api/v1/settings");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text()).doesNotContain("not-a-configured-key");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
