package io.orderhub.callbacks.delivery;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A delivery's status and the moves allowed from it. */
public enum DeliveryStatus {
    /** Stored, not yet attempted (or its first attempt is on the wire). */
    PENDING,
    /** An attempt failed; the next one is scheduled ({@code next_attempt_at}). */
    FAILED,
    DELIVERED,
    /** Every attempt of the schedule failed, or the receiver answered 410. */
    DEAD_LETTERED,
    /** A newer version of the order was recorded before this one was delivered: never sent (again). */
    SUPERSEDED,
    /** The owning channel has no callback endpoint configured. */
    SKIPPED;

    private static final Set<DeliveryStatus> OPEN = EnumSet.of(PENDING, FAILED);
    // Named, not "everything not open": a status added later is never deleted by accident.
    private static final Set<DeliveryStatus> FINISHED =
            Collections.unmodifiableSet(EnumSet.of(DELIVERED, DEAD_LETTERED, SUPERSEDED, SKIPPED));

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> parse(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    /** Whether the delivery may still be sent. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The statuses a delivery never leaves: only such deliveries are purged after the retention. */
    static Set<DeliveryStatus> finished() {
        return FINISHED;
    }

    public boolean canMoveTo(DeliveryStatus next) {
        return switch (this) {
            case PENDING, FAILED -> next == FAILED || next == DELIVERED || next == DEAD_LETTERED || next == SUPERSEDED;
            case DELIVERED, DEAD_LETTERED, SUPERSEDED, SKIPPED -> false;
        };
    }
}
