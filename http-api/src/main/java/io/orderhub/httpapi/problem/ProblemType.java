package io.orderhub.httpapi.problem;

import java.net.URI;
import java.util.Locale;

/**
 * A kind of error: a stable type URI, its status and title, and the legacy error code old clients read.
 * The common kinds are here; a service declares its own the same way.
 */
public record ProblemType(String slug, int status, String title) {

    public static final String TYPE_BASE = "https://orderhub.io/problems/";

    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", 400, "Malformed request");
    public static final ProblemType MISSING_API_KEY = new ProblemType("missing-api-key", 401, "API key required");
    public static final ProblemType INVALID_API_KEY = new ProblemType("invalid-api-key", 401, "Invalid API key");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Forbidden");
    public static final ProblemType INSUFFICIENT_SCOPE =
            new ProblemType("insufficient-scope", 403, "Insufficient scope");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", 405, "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 406, "Not acceptable");
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflict");
    public static final ProblemType IDEMPOTENCY_KEY_IN_FLIGHT =
            new ProblemType("idempotency-key-in-flight", 409, "A request with this Idempotency-Key is still in flight");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 413, "Payload too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", 415, "Unsupported media type");
    public static final ProblemType VALIDATION_FAILED = new ProblemType("validation-failed", 422, "Validation failed");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED =
            new ProblemType("idempotency-key-reused", 422, "Idempotency-Key reused with another request");
    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", 429, "Too many requests");
    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", 500, "Internal error");
    public static final ProblemType SERVICE_UNAVAILABLE =
            new ProblemType("service-unavailable", 503, "Service unavailable");

    public ProblemType {
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("Problem slugs are lower-case words joined by dashes: " + slug);
        }
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    /** The old hub's {@code error.code}: the slug in upper snake case. */
    public String code() {
        return slug.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
