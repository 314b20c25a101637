package io.orderhub.console.overview;

import io.orderhub.console.kafka.KafkaReads.Backlog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The overview's figures as read at {@code readAt}: today (since midnight UTC) and this week (since Monday
 * midnight UTC), per hour over the last 24 hours. Each part read on its own: one that failed carries a
 * short problem instead of its value, and the others still show.
 */
public record Snapshot(
        Instant readAt,
        Instant todayFrom,
        Instant weekFrom,
        Part<List<OrderRow>> orders,
        Part<Payments> payments,
        Part<List<Hour>> hours,
        Part<Count> failingCallbacks,
        Part<Count> deadLetteredCallbacks,
        Part<Integer> stuckPayments,
        Duration stuckAfter,
        Part<Backlog> kafka) {

    /** A value, or why it is missing. */
    public record Part<T>(@Nullable T value, @Nullable String problem) {

        public static <T> Part<T> of(T value) {
            return new Part<>(value, null);
        }

        public static <T> Part<T> failed(String problem) {
            return new Part<>(null, problem);
        }
    }

    /** A count of a list read one page at a time: {@code more} when the first page was not all. */
    public record Count(int shown, boolean more) {

        public String text() {
            return more ? shown + "+" : Integer.toString(shown);
        }
    }

    /** Orders of one channel in one currency: created today and this week, with their grand totals. */
    public record OrderRow(
            String channel,
            String currency,
            long todayOrders,
            BigDecimal todayAmount,
            long weekOrders,
            BigDecimal weekAmount) {}

    /**
     * Payments of one provider in one currency: created today and this week, and the volume received (the
     * amounts of those that succeeded, refunded later or not).
     */
    public record PaymentRow(
            String provider,
            String currency,
            long todayPayments,
            BigDecimal todayReceived,
            long weekPayments,
            BigDecimal weekReceived,
            Rate weekSuccess) {}

    public record Payments(List<PaymentRow> rows, Rate todaySuccess, Rate weekSuccess) {}

    /**
     * Payment success rate: succeeded / (succeeded + failed + cancelled + expired), over the payments created
     * in the window, by their status now. Succeeded counts those refunded since; open payments do not count.
     */
    public record Rate(long succeeded, long settled) {

        public static final String DEFINITION =
                "succeeded ÷ (succeeded + failed + cancelled + expired), over the payments created in the window, "
                        + "by their status now; refunded payments count as succeeded, open ones not at all";

        public Rate plus(Rate other) {
            return new Rate(succeeded + other.succeeded, settled + other.settled);
        }

        public String text() {
            if (settled == 0) {
                return "—";
            }
            return BigDecimal.valueOf(succeeded * 100)
                            .divide(BigDecimal.valueOf(settled), 1, RoundingMode.HALF_UP)
                            .toPlainString()
                    + " % (" + succeeded + " of " + settled + ")";
        }
    }

    /** One hour of the last 24 (its start, UTC): orders and payments created in it. */
    public record Hour(Instant start, long orders, long payments) {}
}
