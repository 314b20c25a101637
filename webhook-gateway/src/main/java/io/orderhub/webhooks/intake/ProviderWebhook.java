package io.orderhub.webhooks.intake;

import io.orderhub.events.Provider;
import java.time.Instant;

/** One provider's way of signing and shaping its webhooks (Stripe, BTCPay Server). */
public interface ProviderWebhook {

    Provider provider();

    /** Whether a secret is set; without one nothing can be verified. */
    boolean configured();

    /**
     * Verifies the signature over the exact body bytes and answers the body as text.
     *
     * @throws WebhookRejected when the signature is missing, wrong or stale
     */
    String verify(byte[] body, String signatureHeader);

    /**
     * Reads the verified event: its id and type, and, when the hub applies that type, the event to
     * publish.
     *
     * @throws WebhookRejected ({@link Rejection#UNPARSEABLE_PAYLOAD}) when the body is not an event
     */
    ParsedWebhook read(byte[] body, String payload, Instant receivedAt);
}
