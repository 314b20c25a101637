package io.orderhub.console.payment;

import io.orderhub.console.hub.HubClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Open payments unchanged for longer than the repair worker waits ({@code PAYMENT_REPAIR_AFTER}), oldest change
 * first (payment-service's {@code GET /api/v1/payments/stuck}): the Payments page lists them, the Overview counts
 * them.
 */
@Component
public class StuckPayments {

    private final HubClient hub;
    private final Duration after;

    StuckPayments(HubClient hub, @Value("${orderhub.console.stuck-after}") Duration after) {
        this.hub = hub;
        this.after = after;
    }

    /** How long an open payment may stay unchanged before it counts as stuck. */
    public Duration after() {
        return after;
    }

    /** The oldest 200 by their last change, and how many there are, as payment-service counts them. */
    public HubClient.Stuck now() {
        return hub.stuckPayments(after);
    }
}
