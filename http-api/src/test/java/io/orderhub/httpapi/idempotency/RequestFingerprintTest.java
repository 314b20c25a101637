package io.orderhub.httpapi.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    @Test
    void ignoresKeyOrderWhitespaceAndTrailingZeros() {
        assertThat(fingerprint("{\"b\": [1, 2.50], \"a\": {\"y\": 39.80, \"x\": null}}"))
                .isEqualTo(fingerprint("{\"a\":{\"x\":null,\"y\":39.8},\"b\":[1.0,2.5]}"));
    }

    @Test
    void seesEveryDifferenceInValuesAndOrderOfArrays() {
        assertThat(fingerprint("{\"amount\": 39.80}")).isNotEqualTo(fingerprint("{\"amount\": 39.81}"));
        assertThat(fingerprint("[1, 2]")).isNotEqualTo(fingerprint("[2, 1]"));
        assertThat(fingerprint("{\"a\": \"1\"}")).isNotEqualTo(fingerprint("{\"a\": 1}"));
    }

    @Test
    void writesHugeExponentsInScientificFormInsteadOfExpandingThem() {
        assertThat(new String(
                        RequestFingerprint.canonical("{\"a\": 1e999999999}".getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1E+999999999}");
        assertThat(fingerprint("{\"a\": 1e999999999}")).isNotEqualTo(fingerprint("{\"a\": 1e999999998}"));
        assertThat(fingerprint("{\"a\": 1e-999999999}")).isEqualTo(fingerprint("{\"a\": 10e-1000000000}"));
        assertThat(fingerprint("{\"a\": 100}"))
                .as("ordinary numbers keep their plain form")
                .isEqualTo(fingerprint("{\"a\": 1e2}"));
        assertThat(new String(
                        RequestFingerprint.canonical("{\"a\": 1e2}".getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":100}");
    }

    @Test
    void fingerprintsHugeExponentsWithoutExpandingThem() {
        assertThat(fingerprint("{\"reason\": 1e-999999999, \"id\": 1e999999999}"))
                .isEqualTo(fingerprint("{\"id\": 10e999999998, \"reason\": 0.1e-999999998}"))
                .isNotEqualTo(fingerprint("{\"reason\": 1e-999999998, \"id\": 1e999999999}"));
        assertThat(fingerprint("{\"amount\": 1E+2147483648}")).isNotEqualTo(fingerprint("{\"amount\": 1E+2147483647}"));
    }

    @Test
    void dependsOnMethodAndPath() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(RequestFingerprint.of("POST", "/api/v1/orders", body))
                .isNotEqualTo(RequestFingerprint.of("POST", "/api/v1/payments", body));
    }

    @Test
    void hashesANonJsonBodyAsItIs() {
        assertThat(fingerprint("not json")).isNotEqualTo(fingerprint("not  json"));
    }

    private static String fingerprint(String body) {
        return RequestFingerprint.of("POST", "/api/v1/orders", body.getBytes(StandardCharsets.UTF_8));
    }
}
