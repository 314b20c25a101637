package io.orderhub.httpapi.request;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.response.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The window [from, to) of a figures read (order and payment counts for the console's overview), and whether
 * it is split per hour. Bounded, so that one read stays one cheap aggregate over an index: at most
 * {@link #LONGEST}, per hour at most {@link #LONGEST_PER_HOUR}.
 */
public record TimeWindow(Instant from, Instant to, boolean perHour) {

    public static final Duration LONGEST = Duration.ofDays(366);
    public static final Duration LONGEST_PER_HOUR = Duration.ofDays(31);

    /**
     * {@code from} and {@code to} as RFC 3339 timestamps, both required, {@code from} before {@code to};
     * {@code per} absent or {@code hour}. Anything else is a 400 naming the parameter.
     */
    public static TimeWindow parse(String from, String to, String per) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw bad("to", "must be after from");
        }
        boolean perHour = per != null && !per.isBlank();
        if (perHour && !per.strip().equals("hour")) {
            throw bad("per", "must be hour, or absent for the whole window");
        }
        Duration longest = perHour ? LONGEST_PER_HOUR : LONGEST;
        if (Duration.between(start, end).compareTo(longest) > 0) {
            throw bad("to", "must be at most " + longest.toDays() + " days after from" + (perHour ? " per hour" : ""));
        }
        return new TimeWindow(start, end, perHour);
    }

    /** The answer of a figures read: the window as read ({@code per} {@code hour} or null) and its figures. */
    public Map<String, Object> answer(List<?> figures) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("per", perHour ? "hour" : null);
        body.put("figures", figures);
        return ApiResponse.of(body);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw bad(field, "is required (an RFC 3339 timestamp such as 2025-01-31T00:00:00Z)");
        }
        Instant instant;
        try {
            // A '+' in an unencoded query string arrives as a space.
            instant = OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(field, "must be an RFC 3339 timestamp such as 2025-01-31T00:00:00Z");
        }
        if (!ClientInstants.inRange(instant)) {
            throw bad(field, "must be " + ClientInstants.RANGE);
        }
        return instant;
    }

    private static ApiException bad(String field, String message) {
        return new ApiException(
                ProblemType.MALFORMED_REQUEST, field + ": " + message, List.of(new FieldError(field, message)));
    }
}
