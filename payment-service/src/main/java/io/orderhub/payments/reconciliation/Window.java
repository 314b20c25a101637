package io.orderhub.payments.reconciliation;

import io.orderhub.payments.payment.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A window {@code [from, to)} of a provider's books, from a client's ISO instants: {@code from} before {@code to},
 * at most {@link #MAX} long (a month reads in minutes even at Stripe's rate limit; longer ones are split by the
 * caller), and {@code from} not in the future.
 */
public record Window(Instant from, Instant to) {

    public static final Duration MAX = Duration.ofDays(31);

    /** The window, or null with what is wrong added to {@code violations}. */
    public static Window of(String from, String to, Instant now, List<Violation> violations) {
        Instant start = instant("from", from, violations);
        Instant end = instant("to", to, violations);
        if (start == null || end == null) {
            return null;
        }
        int before = violations.size();
        if (!start.isBefore(end)) {
            violations.add(new Violation("to", "must be after from"));
        } else if (Duration.between(start, end).compareTo(MAX) > 0) {
            violations.add(new Violation("to", "the window may be at most " + MAX.toDays() + " days"));
        }
        if (start.isAfter(now)) {
            violations.add(new Violation("from", "must not be in the future"));
        }
        return violations.size() == before ? new Window(start, end) : null;
    }

    private static Instant instant(String field, String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            if (instant.isBefore(Instant.EPOCH) || instant.getEpochSecond() > 253402300799L) {
                violations.add(new Violation(field, "must be between 1970-01-01 and 9999-12-31"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be an ISO 8601 instant such as 2026-05-01T00:00:00Z"));
            return null;
        }
    }
}
