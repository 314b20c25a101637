package io.orderhub.payments.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that did not give an answer the hub can use: unavailable (502), timed out (504), or refused
 * the request outright (422: retrying cannot help). The message names the provider's own error text, never a
 * key or card data.
 */
public class ProviderFailure extends RuntimeException {

    /** What a provider's 429 asks for: wait, then ask again (its Retry-After when it sends one). */
    public record RateLimited(Duration retryAfter) {}

    public enum Kind {
        UNAVAILABLE,
        TIMEOUT,
        REFUSED
    }

    private final Kind kind;
    private final RateLimited rateLimited;

    public ProviderFailure(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    private ProviderFailure(Kind kind, String message, Throwable cause, RateLimited rateLimited) {
        super(message, cause);
        this.kind = kind;
        this.rateLimited = rateLimited;
    }

    /** The provider answered 429; {@code retryAfter} is null when it did not say how long to wait. */
    static ProviderFailure rateLimited(String message, Duration retryAfter, Throwable cause) {
        return new ProviderFailure(Kind.UNAVAILABLE, message, cause, new RateLimited(retryAfter));
    }

    public ProviderFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Present when the provider refused for its rate limit, which a later call may pass. */
    public Optional<RateLimited> rateLimit() {
        return Optional.ofNullable(rateLimited);
    }
}
