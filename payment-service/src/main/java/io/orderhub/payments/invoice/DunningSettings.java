package io.orderhub.payments.invoice;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dunning (docs/b2b.md#dunning). {@code DUNNING_SCHEDULE} (default {@code 14d,28d:5.00,42d:10.00}): the reminder
 * levels, {@link DunningSchedule}. {@code DUNNING_GRACE} (default {@code 10d}, 1 to 90 days): a reminder's new
 * deadline, {@code pay_by}, is that many days after the day of the reminder. {@code DUNNING_RUN_AT} (default
 * {@code 06:00}): the time of day, Europe/Berlin, of the daily run; {@code -} turns the daily run off (the admin
 * trigger still runs it). A value that cannot be read stops the service at start-up with a message naming it.
 */
@ConfigurationProperties("orderhub.dunning")
public record DunningSettings(
        @DefaultValue("14d,28d:5.00,42d:10.00") String schedule,
        @DefaultValue("10d") String grace,
        @DefaultValue("06:00") String runAt) {

    static final int MAX_GRACE_DAYS = 90;
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");

    public DunningSettings {
        DunningSchedule.parse(schedule);
        graceDays(grace);
        dailyAt(runAt);
    }

    public DunningSchedule levels() {
        return DunningSchedule.parse(schedule);
    }

    /** Days from the day of a reminder to its {@code pay_by}. */
    public int graceDays() {
        return graceDays(grace);
    }

    /** When the daily run starts, Europe/Berlin; empty when it is off. */
    public Optional<LocalTime> dailyAt() {
        return dailyAt(runAt);
    }

    private static int graceDays(String text) {
        Matcher days = DAYS.matcher(text == null ? "" : text.strip());
        int value = days.matches() ? Integer.parseInt(days.group(1)) : -1;
        if (value < 1 || value > MAX_GRACE_DAYS) {
            throw new IllegalArgumentException(
                    "DUNNING_GRACE: '" + text + "' is not a number of days from 1d to " + MAX_GRACE_DAYS + "d");
        }
        return value;
    }

    private static Optional<LocalTime> dailyAt(String text) {
        String value = text == null ? "" : text.strip();
        if ("-".equals(value)) {
            return Optional.empty();
        }
        try {
            if (value.length() == 5) {
                return Optional.of(LocalTime.parse(value));
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new IllegalArgumentException(
                "DUNNING_RUN_AT: '" + text + "' is not a time of day such as 06:00 (Europe/Berlin), or - for none");
    }
}
