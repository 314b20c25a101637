package io.orderhub.payments.reconciliation;

import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A run to start: a provider the hub is configured to read, and a {@link Window} of its books. */
public record RunRequest(String provider, Instant from, Instant to) {

    /** Reads a request from the client's text, or throws {@link InvalidRequest} naming every wrong field. */
    public static RunRequest of(String provider, String from, String to, Set<String> providers, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (provider == null || provider.isBlank()) {
            violations.add(new Violation("provider", "is required"));
        } else if (!providers.contains(provider)) {
            violations.add(new Violation(
                    "provider",
                    "must be one of the providers the hub reads: "
                            + String.join(", ", providers.stream().sorted().toList())));
        }
        Window window = Window.of(from, to, now, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new RunRequest(provider, window.from(), window.to());
    }
}
