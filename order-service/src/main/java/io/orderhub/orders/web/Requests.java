package io.orderhub.orders.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.orders.Caller;
import java.util.List;

/** The caller of a request as use cases take it, and query parameters read the same way by every list. */
public final class Requests {

    private Requests() {}

    /** The key's name as the actor, its channel, and whether it sees every channel (the admin key). */
    public static Caller caller(ApiKey key) {
        return new Caller(key.name(), key.channel(), key.isAdmin());
    }

    /** An optional whole-number query parameter; anything else is a 400 naming it. */
    public static Integer wholeNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw badQuery(field, "must be a whole number");
        }
    }

    /** A 400 naming the query parameter and what is wrong with it. */
    public static ApiException badQuery(String field, String message) {
        return new ApiException(
                ProblemType.MALFORMED_REQUEST, field + ": " + message, List.of(new FieldError(field, message)));
    }
}
