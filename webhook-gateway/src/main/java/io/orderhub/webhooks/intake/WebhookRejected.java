package io.orderhub.webhooks.intake;

import io.orderhub.events.Provider;
import java.util.Objects;

/**
 * A webhook refused before anything was published. The message is written for the caller: it never
 * contains a secret, a signature or the body.
 */
public class WebhookRejected extends RuntimeException {

    private final Provider provider;
    private final Rejection reason;

    public WebhookRejected(Provider provider, Rejection reason, String detail) {
        // No stack trace: rejections are expected traffic (forgeries, floods), not failures to debug.
        super(detail, null, false, false);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Provider provider() {
        return provider;
    }

    public Rejection reason() {
        return reason;
    }
}
