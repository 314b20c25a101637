package io.orderhub.payments.payment.web;

import io.orderhub.payments.payment.InvalidRequest;
import java.util.UUID;

/** An id a request names in its body or query: required and a UUID, else a 422 naming the field. */
public final class RequestIds {

    private RequestIds() {}

    public static UUID uuid(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequest(field, "is required");
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, "must be a UUID");
        }
    }
}
