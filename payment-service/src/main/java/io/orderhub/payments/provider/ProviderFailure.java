package io.orderhub.payments.provider;

/**
 * A provider call that did not give an answer the hub can use: unavailable (502), timed out (504), or refused
 * the request outright (422: retrying cannot help). The message names the provider's own error text, never a
 * key or card data.
 */
public class ProviderFailure extends RuntimeException {

    public enum Kind {
        UNAVAILABLE,
        TIMEOUT,
        REFUSED
    }

    private final Kind kind;

    public ProviderFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ProviderFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
