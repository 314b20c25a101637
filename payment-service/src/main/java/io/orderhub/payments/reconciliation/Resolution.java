package io.orderhub.payments.reconciliation;

import java.util.Locale;

/**
 * What a run did about a mismatch: applied (the provider took the money while the hub still waited, moved through
 * the provider-event path) or reported (left as it is, for a person).
 */
public enum Resolution {
    APPLIED,
    REPORTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Resolution fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
