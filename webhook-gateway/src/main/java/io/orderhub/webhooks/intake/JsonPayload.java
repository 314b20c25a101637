package io.orderhub.webhooks.intake;

import io.orderhub.events.Provider;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads fields of a verified body as a JSON tree, never through a provider library's typed model: the
 * gateway only needs a few fields, and stripe-java's typed deserialiser drops objects whose
 * {@code api_version} differs from its own.
 */
public final class JsonPayload {

    private JsonPayload() {}

    /** The body as a JSON object, or an {@link Rejection#UNPARSEABLE_PAYLOAD} rejection. */
    public static JsonNode object(JsonMapper json, byte[] body, Provider provider) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw unparseable(provider, "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw unparseable(provider, "The body is not a JSON object.");
        }
        return root;
    }

    /** A non-blank string field, or empty (absent, null, blank or not a string). */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    /** A Unix time in whole seconds, or empty. */
    public static Optional<Instant> epochSeconds(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() && value.canConvertToLong()
                ? Optional.of(Instant.ofEpochSecond(value.longValue()))
                : Optional.empty();
    }

    public static WebhookRejected unparseable(Provider provider, String detail) {
        return new WebhookRejected(provider, Rejection.UNPARSEABLE_PAYLOAD, detail);
    }
}
