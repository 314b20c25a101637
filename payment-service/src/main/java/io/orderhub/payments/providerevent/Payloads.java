package io.orderhub.payments.providerevent;

import tools.jackson.databind.JsonNode;

/** Reading the providers' JSON: a missing or non-text field is absent, never an error. */
final class Payloads {

    private Payloads() {}

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    static String metadata(JsonNode node, String field) {
        return text(node.path("metadata"), field);
    }
}
