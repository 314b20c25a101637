package io.orderhub.payments.reconciliation;

import java.util.Locale;

/** A run is running until it has compared the whole window (completed) or could not read it (failed). */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
