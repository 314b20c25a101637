package io.orderhub.callbacks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final String DEFAULT = "5s,5m,30m,2h,5h,10h,14h,20h,24h";

    @Test
    void defaultScheduleIsNineRetriesTenAttempts() {
        RetrySchedule schedule = RetrySchedule.parse(DEFAULT, new Random(1));

        assertThat(schedule.maxAttempts()).isEqualTo(10);
        assertThat(schedule.delays())
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(14),
                        Duration.ofHours(20),
                        Duration.ofHours(24));
    }

    @Test
    void jittersEachDelayWithinTwentyPercent() {
        RetrySchedule schedule = RetrySchedule.parse(DEFAULT, new Random(42));
        for (int i = 0; i < 1000; i++) {
            Duration delay = schedule.delayAfter(2, null).orElseThrow();
            assertThat(delay).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
        }
    }

    @Test
    void jitterActuallyVaries() {
        RetrySchedule schedule = RetrySchedule.parse(DEFAULT, new Random(7));

        assertThat(schedule.delayAfter(1, null)).isNotEqualTo(schedule.delayAfter(1, null));
    }

    @Test
    void aLargerRetryAfterWinsUpTo24Hours() {
        RetrySchedule schedule = RetrySchedule.parse(DEFAULT, new Random(3));

        assertThat(schedule.delayAfter(1, Duration.ofMinutes(10))).hasValue(Duration.ofMinutes(10));
        assertThat(schedule.delayAfter(1, Duration.ofDays(3))).hasValue(Duration.ofHours(24));
    }

    @Test
    void aSmallerRetryAfterDoesNotShortenTheSchedule() {
        RetrySchedule schedule = RetrySchedule.parse(DEFAULT, new Random(3));

        assertThat(schedule.delayAfter(2, Duration.ofSeconds(1)).orElseThrow())
                .isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void endsAfterTheLastAttempt() {
        RetrySchedule schedule = RetrySchedule.parse(DEFAULT, new Random(3));

        assertThat(schedule.delayAfter(9, null)).isPresent();
        assertThat(schedule.delayAfter(10, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void rejectsAScheduleItCannotRead() {
        assertThatThrownBy(() -> RetrySchedule.parse("5s,soon", new Random()))
                .hasMessageContaining("'soon' is not a delay");
    }

    @Test
    void readsMillisecondsForShortTestSchedules() {
        assertThat(RetrySchedule.parse("100ms, 250ms", new Random()).delays())
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(250));
    }
}
