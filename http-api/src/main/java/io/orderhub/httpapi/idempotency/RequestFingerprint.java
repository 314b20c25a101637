package io.orderhub.httpapi.idempotency;

import io.orderhub.httpapi.request.JsonReadLimits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests "the same" for an Idempotency-Key: method, path and the SHA-256 of the body in
 * canonical form — JSON with object keys sorted and numbers normalised, so {@code 39.8} and {@code 39.80},
 * or a different key order, are the same request. A body that is not JSON is hashed as it is.
 *
 * <p>Written here because no JSON canonicalisation (RFC 8785) library is on this project's registry;
 * the form only has to be stable within this service, not interoperable.
 */
final class RequestFingerprint {

    /** Beyond this exponent a number's plain form would be as long as the exponent (1e999999999). */
    private static final int MAX_PLAIN_SCALE = 64;

    private static final JsonMapper JSON = JsonMapper.builder(JsonReadLimits.factory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private RequestFingerprint() {}

    static String of(String method, String path, byte[] body) {
        MessageDigest digest = sha256();
        digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(canonical(body));
        return HexFormat.of().formatHex(digest.digest());
    }

    static byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            StringBuilder out = new StringBuilder(body.length);
            write(JSON.readTree(body), out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException | NumberFormatException e) {
            // Also a number beyond what BigDecimal holds (1E+2147483648): hashed as it is, like any non-JSON.
            return body;
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(JSON.writeValueAsString(fields.get(i).getKey())).append(':');
                write(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal number = node.decimalValue().stripTrailingZeros();
            if (number.signum() == 0) {
                out.append('0');
            } else if (Math.abs(number.scale()) <= MAX_PLAIN_SCALE) {
                out.append(number.toPlainString());
            } else {
                out.append(number); // scientific form: as exact, and as long as the digits, not the exponent
            }
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
