package io.orderhub.callbacks.delivery;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code CALLBACK_RETRY_SCHEDULE}: the delay before each retry (default nine retries, ten attempts, about
 * three days). Each delay gets ±20 % jitter so that a receiver coming back is not hit by every queued
 * delivery at once; a larger {@code Retry-After} (capped at 24 h) takes precedence.
 */
public final class RetrySchedule {

    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    private static final double JITTER = 0.2;

    private final List<Duration> delays;
    private final RandomGenerator random;

    RetrySchedule(List<Duration> delays, RandomGenerator random) {
        this.delays = List.copyOf(delays);
        this.random = random;
    }

    /** Parses {@code 5s,5m,30m,2h} (units ms, s, m, h, d); an empty schedule means a single attempt. */
    public static RetrySchedule parse(String schedule, RandomGenerator random) {
        List<Duration> delays = schedule == null || schedule.isBlank()
                ? List.of()
                : Arrays.stream(schedule.split(","))
                        .map(String::trim)
                        .map(RetrySchedule::delay)
                        .toList();
        return new RetrySchedule(delays, random);
    }

    private static Duration delay(String text) {
        try {
            Duration delay = DurationStyle.SIMPLE.parse(text);
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return delay;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "CALLBACK_RETRY_SCHEDULE: '" + text + "' is not a delay such as 5s, 5m, 2h", e);
        }
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    public List<Duration> delays() {
        return delays;
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} attempts, or empty when the schedule is
     * used up (the delivery is dead-lettered).
     */
    public Optional<Duration> delayAfter(int attemptsMade, Duration retryAfter) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        double factor = 1 - JITTER + random.nextDouble() * 2 * JITTER;
        Duration jittered = Duration.ofNanos(Math.round(base.toNanos() * factor));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            if (asked.compareTo(jittered) > 0) {
                return Optional.of(asked);
            }
        }
        return Optional.of(jittered);
    }
}
