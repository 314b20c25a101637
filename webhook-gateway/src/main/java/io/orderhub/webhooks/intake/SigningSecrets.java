package io.orderhub.webhooks.intake;

import java.util.List;

/**
 * A provider's webhook secrets as configured: one comma-separated variable, several entries while a
 * rotation overlaps, blanks ignored.
 */
public final class SigningSecrets {

    private SigningSecrets() {}

    public static List<String> of(List<String> configured) {
        return configured.stream()
                .map(String::trim)
                .filter(secret -> !secret.isEmpty())
                .toList();
    }
}
