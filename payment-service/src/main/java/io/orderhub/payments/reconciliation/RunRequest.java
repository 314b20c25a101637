package io.orderhub.payments.reconciliation;

import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A run to start: a provider the hub reads and a window {@code [from, to)} of ISO instants, {@code from} before
 * {@code to}, at most {@link #MAX_WINDOW} long (a window of a month reads in minutes even at Stripe's rate limit;
 * longer ones are split by the caller), and not after now.
 */
public record RunRequest(String provider, Instant from, Instant to) {

    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    /** Reads a request from the client's text, or throws {@link InvalidRequest} naming every wrong field. */
    public static RunRequest of(String provider, String from, String to, Set<String> providers, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (provider == null || provider.isBlank()) {
            violations.add(new Violation("provider", "is required"));
        } else if (!providers.contains(provider)) {
            violations.add(new Violation(
                    "provider",
                    "must be one of "
                            + String.join(", ", providers.stream().sorted().toList())));
        }
        Instant start = instant("from", from, violations);
        Instant end = instant("to", to, violations);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                violations.add(new Violation("to", "must be after from"));
            } else if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
                violations.add(new Violation("to", "the window may be at most " + MAX_WINDOW.toDays() + " days"));
            }
            if (start.isAfter(now)) {
                violations.add(new Violation("from", "must not be in the future"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new RunRequest(provider, start, end);
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
