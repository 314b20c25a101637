package io.orderhub.httpapi;

import static io.orderhub.testsupport.ApiClient.idempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.request.JsonReadLimits;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API reads JSON within {@link JsonReadLimits}, not Jackson's far wider defaults: bodies that are
 * valid JSON but hostile in size get a 400 problem, with or without an Idempotency-Key.
 */
class JsonLimitsIT extends GuardRailsTestBase {

    @Autowired
    JsonMapper json;

    @Test
    void theServicesMapperReadsWithTheLimits() {
        assertThat(json.tokenStreamFactory().streamReadConstraints()).isSameAs(JsonReadLimits.CONSTRAINTS);
    }

    @Test
    void refusesANumberLongerThanAnyAmount() {
        String body = withExtra("\"note\": " + "9".repeat(JsonReadLimits.MAX_NUMBER_LENGTH + 1));

        assertMalformed(client(SHOP_KEY).post("/api/v1/orders", body));
        assertMalformed(client(SHOP_KEY).post("/api/v1/orders", body, idempotencyKey(key())));
    }

    @Test
    void refusesNestingDeeperThanAnyOrder() {
        int depth = JsonReadLimits.MAX_NESTING_DEPTH + 1;
        String body = withExtra("\"metadata\": " + "[".repeat(depth) + "]".repeat(depth));

        assertMalformed(client(SHOP_KEY).post("/api/v1/orders", body));
        assertMalformed(client(SHOP_KEY).post("/api/v1/orders", body, idempotencyKey(key())));
    }

    @Test
    void answersAHugeExponentWithAnIdempotencyKeyWithoutAServerError() {
        String body = "{\"source\": \"woocommerce\", \"reference\": \"r-" + UUID.randomUUID()
                + "\", \"amount\": 1e999999999}";

        HttpResponse<String> response = client(SHOP_KEY).post("/api/v1/orders", body, idempotencyKey(key()));

        // The fingerprint no longer expands the exponent to a billion digits; whether the amount is
        // acceptable is the service's to say (Money bounds it), this test app takes any number.
        assertThat(response.statusCode()).isLessThan(500);
    }

    @Test
    void stillAcceptsAnOrdinaryOrderWithNestedMetadata() {
        String body = withExtra("\"metadata\": {\"a\": {\"b\": [1, 2, {\"c\": \"d\"}]}}");

        assertThat(client(SHOP_KEY).post("/api/v1/orders", body).statusCode()).isEqualTo(201);
    }

    private static void assertMalformed(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("malformed-request").doesNotContain("Exception");
    }

    private static String withExtra(String member) {
        return "{\"source\": \"woocommerce\", \"reference\": \"r-" + UUID.randomUUID() + "\", \"amount\": 1.00, "
                + member + "}";
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }
}
