package io.orderhub.webhooks.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.orderhub.events.Provider;
import io.orderhub.webhooks.intake.Rejection;
import io.orderhub.webhooks.intake.Utf8Text;
import io.orderhub.webhooks.intake.WebhookRejected;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks {@code Stripe-Signature} with stripe-java's {@code Webhook.Signature}: HMAC-SHA256 of {@code
 * "<t>.<body>"} keyed by the whole {@code whsec_...} string, any {@code v1} may match, {@code v0} ignored,
 * and {@code t} no older than {@value #TOLERANCE_SECONDS} seconds. The tolerance is fixed on purpose: 0
 * would turn the replay check off.
 */
@Component
class StripeSignature {

    static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;
    /** How stripe-java says the signature matched but {@code t} is too old. */
    static final String STALE_MESSAGE = "Timestamp outside the tolerance zone";

    private static final Logger log = LoggerFactory.getLogger(StripeSignature.class);

    private final List<String> secrets;
    private final Clock clock;

    StripeSignature(StripeWebhookProperties properties, Clock clock) {
        this.secrets = properties.secrets();
        this.clock = clock;
        if (secrets.isEmpty()) {
            log.warn("STRIPE_WEBHOOK_SECRET is not set: POST /api/v1/webhooks/stripe answers 503 until it is");
        } else {
            log.info("Stripe webhooks are verified against {} secret(s)", secrets.size());
        }
    }

    boolean configured() {
        return !secrets.isEmpty();
    }

    /** Answers the body as the text that was verified, or throws {@link WebhookRejected}. */
    String verify(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            throw rejected(Rejection.SIGNATURE_MISSING, "The Stripe-Signature header is missing.");
        }
        // Stripe signs UTF-8 JSON; stripe-java hashes a String, so only a body that decodes exactly can match.
        String payload = Utf8Text.decode(body)
                .orElseThrow(() -> rejected(
                        Rejection.SIGNATURE_INVALID, "The body is not UTF-8 text, so no Stripe signature can match."));
        boolean stale = false;
        for (String secret : secrets) {
            try {
                Webhook.Signature.verifyHeader(payload, header, secret, TOLERANCE_SECONDS, clock);
                return payload;
            } catch (SignatureVerificationException e) {
                stale |= e.getMessage() != null && e.getMessage().startsWith(STALE_MESSAGE);
            } catch (RuntimeException e) {
                // stripe-java parses the header unguarded: "t=abc" or a bare "v1" throw here.
                throw rejected(Rejection.SIGNATURE_INVALID, "The Stripe-Signature header is malformed.");
            }
        }
        if (stale) {
            throw rejected(
                    Rejection.TIMESTAMP_STALE,
                    "The signature's timestamp is more than " + TOLERANCE_SECONDS + " seconds old.");
        }
        throw rejected(Rejection.SIGNATURE_INVALID, "No v1 signature in Stripe-Signature matches the body.");
    }

    private static WebhookRejected rejected(Rejection reason, String detail) {
        return new WebhookRejected(Provider.STRIPE, reason, detail);
    }
}
