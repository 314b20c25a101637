package io.orderhub.httpapi.request;

import java.time.Instant;

/**
 * The instants the API takes from a client (query bounds, cursors): from 1970 up to the end of year
 * 9999. {@link Instant} and PostgreSQL reach much further, but not equally far: beyond this a value is a
 * mistake or a probe, and would fail in the database instead of answering 400.
 */
public final class ClientInstants {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** Exclusive upper bounds of the last day included: 9999-12-31 as a whole day ends here. */
    public static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    public static final String RANGE = "between 1970-01-01 and 9999-12-31";

    private ClientInstants() {}

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
