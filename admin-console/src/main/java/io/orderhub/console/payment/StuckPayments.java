package io.orderhub.console.payment;

import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.Views.Payment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Open payments unchanged for longer than the repair worker waits ({@code PAYMENT_REPAIR_AFTER}), oldest change
 * first: the Payments page lists them, the Overview counts them.
 */
@Component
public class StuckPayments {

    private final HubClient hub;
    private final Duration after;
    private final Clock clock;

    StuckPayments(HubClient hub, @Value("${orderhub.console.stuck-after}") Duration after) {
        this.hub = hub;
        this.after = after;
        this.clock = Clock.systemUTC();
    }

    /** How long an open payment may stay unchanged before it counts as stuck. */
    public Duration after() {
        return after;
    }

    public List<Payment> now() {
        Instant before = clock.instant().minus(after);
        List<Payment> stuck = new ArrayList<>();
        for (String open : Payment.OPEN) {
            hub.payments(open, null, null).items().stream()
                    .filter(payment ->
                            payment.updatedAt() != null && payment.updatedAt().isBefore(before))
                    .forEach(stuck::add);
        }
        stuck.sort(Comparator.comparing(Payment::updatedAt));
        return stuck;
    }
}
