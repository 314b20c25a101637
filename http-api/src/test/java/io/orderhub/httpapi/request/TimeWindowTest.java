package io.orderhub.httpapi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.httpapi.problem.ApiException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void readsAWindowOfTimestampsWithOrWithoutHours() {
        assertThat(TimeWindow.parse("2026-12-06T00:00:00Z", "2026-12-07T00:00:00+01:00", null))
                .isEqualTo(new TimeWindow(
                        Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-06T23:00:00Z"), false));
        assertThat(TimeWindow.parse("2026-12-06T00:00:00Z", "2026-12-07T00:00:00Z", "hour")
                        .perHour())
                .isTrue();
        // A '+' sent unencoded arrives as a space.
        assertThat(TimeWindow.parse("2026-12-06T01:00:00 01:00", "2026-12-07T00:00:00Z", " ")
                        .from())
                .isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
    }

    @Test
    void takesUpTo366DaysOr31PerHour() {
        assertThat(TimeWindow.parse("2025-01-01T00:00:00Z", "2026-01-02T00:00:00Z", null))
                .isNotNull();
        assertThat(TimeWindow.parse("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "hour"))
                .isNotNull();
    }

    @Test
    void refusesWhatIsNotAWindowNamingTheParameter() {
        Map<String, List<String>> refused = Map.of(
                "from", Arrays.asList(null, "2026-12-07T00:00:00Z", null),
                "to", Arrays.asList("2026-12-06T00:00:00Z", " ", null));
        refused.forEach((field, query) -> assertRefused(field, query));
        assertRefused("from", List.of("2026-12-06", "2026-12-07T00:00:00Z", ""));
        assertRefused("to", List.of("2026-12-07T00:00:00Z", "2026-12-06T00:00:00Z", ""));
        assertRefused("to", List.of("2026-12-07T00:00:00Z", "2026-12-07T00:00:00Z", ""));
        assertRefused("per", List.of("2026-12-06T00:00:00Z", "2026-12-07T00:00:00Z", "day"));
        assertRefused("to", List.of("2025-01-01T00:00:00Z", "2026-01-03T00:00:00Z", ""));
        assertRefused("to", List.of("2026-01-01T00:00:00Z", "2026-02-01T00:00:01Z", "hour"));
        assertRefused("from", List.of("0001-01-01T00:00:00Z", "2026-02-01T00:00:00Z", ""));
    }

    private static void assertRefused(String field, List<String> query) {
        assertThatThrownBy(() -> TimeWindow.parse(query.get(0), query.get(1), query.get(2)))
                .as(field + " " + query)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getMessage()).startsWith(field + ": "));
    }
}
