package io.orderhub.payments.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.order.OnAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code DUNNING_SCHEDULE} as read at start-up, and which level an invoice is due for on a day. */
class DunningScheduleTest {

    private static final DunningSchedule SCHEDULE = DunningSchedule.parse("14d,28d:5.00,42d:10.00");

    @Test
    void readsLevelsWithTheirDaysAndFees() {
        assertThat(SCHEDULE.levels())
                .containsExactly(
                        new DunningSchedule.Level(1, 14, BigDecimal.ZERO),
                        new DunningSchedule.Level(2, 28, new BigDecimal("5.00")),
                        new DunningSchedule.Level(3, 42, new BigDecimal("10.00")));
        assertThat(DunningSchedule.parse(" 7d : 2.5 , 30d ").levels())
                .containsExactly(
                        new DunningSchedule.Level(1, 7, new BigDecimal("2.5")),
                        new DunningSchedule.Level(2, 30, BigDecimal.ZERO));
        assertThat(DunningSchedule.parse("1d").levels()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\"\"|is empty",
                "\"  \"|is empty",
                "14|'14' is not a level",
                "14d,|'' is not a level",
                "14d:5:6|'14d:5:6' is not a level",
                "fourteen d|'fourteen d' does not start with a whole number of days",
                "99999999999d|does not start with a whole number of days",
                "-14d|'-14d' must be 1 to 3650 days",
                "0d|'0d' must be 1 to 3650 days",
                "3651d|'3651d' must be 1 to 3650 days",
                "28d,14d|'14d' must be more days past the due date than the level before it (28d)",
                "14d,14d:5|'14d:5' must be more days past the due date than the level before it (14d)",
                "14d:five|'14d:five' has a fee that is not a number",
                "14d:|'14d:' has a fee that is not a number",
                "14d:-5.00|'14d:-5.00' has a negative fee",
                "14d:5.00001|'14d:5.00001' has a fee with more than 4 fraction digits",
                "14d:1e20|'14d:1e20' has a fee with more than 4 fraction digits or above 10000000000000"
            })
    void refusesAScheduleItCannotReadNamingTheVariable(String schedule, String problem) {
        assertThatThrownBy(() -> DunningSchedule.parse(schedule))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DUNNING_SCHEDULE: ")
                .hasMessageContaining(problem);
    }

    @Test
    void theSettingsRefuseAnUnreadableScheduleGraceOrTimeOfDayNamingTheVariable() {
        assertThatThrownBy(() -> new DunningSettings("14d,7d", "10d", "06:00"))
                .hasMessageStartingWith("DUNNING_SCHEDULE: ");
        for (String grace : List.of("0d", "91d", "10", "-3d", "ten days", "")) {
            assertThatThrownBy(() -> new DunningSettings("14d", grace, "06:00"))
                    .as(grace)
                    .hasMessageStartingWith("DUNNING_GRACE: ");
        }
        for (String runAt : List.of("6", "6:00", "25:00", "06:60", "morning", "")) {
            assertThatThrownBy(() -> new DunningSettings("14d", "10d", runAt))
                    .as(runAt)
                    .hasMessageStartingWith("DUNNING_RUN_AT: ");
        }
        DunningSettings settings = new DunningSettings("14d", "7d", "-");
        assertThat(settings.graceDays()).isEqualTo(7);
        assertThat(settings.dailyAt()).isEmpty();
        assertThat(new DunningSettings("14d", "10d", "06:30").dailyAt())
                .hasValueSatisfying(at -> assertThat(at.toString()).isEqualTo("06:30"));
    }

    @Test
    void aFeeIsRoundedHalfUpToTheInvoiceCurrencysDigits() {
        DunningSchedule.Level level = DunningSchedule.parse("14d:5.50").levels().get(0);

        assertThat(level.feeIn(CurrencyCode.of("EUR"))).isEqualTo(Money.of("5.50", "EUR"));
        assertThat(level.feeIn(CurrencyCode.of("JPY"))).isEqualTo(Money.of("6", "JPY"));
        assertThat(level.feeIn(CurrencyCode.of("KWD"))).isEqualTo(Money.of("5.500", "KWD"));
    }

    @Test
    void anInvoiceIsDueForTheFirstLevelOnItsDayNotBefore() {
        Invoice invoice = anInvoice();
        LocalDate due = invoice.dueDate();

        assertThat(SCHEDULE.due(invoice, due)).isEmpty();
        assertThat(SCHEDULE.due(invoice, due.plusDays(13))).isEmpty();
        assertThat(levelDue(invoice, due.plusDays(14))).hasValue(1);
    }

    @Test
    void movesUpOneLevelAtATimeEachAfterThePreviousDeadlineHoweverLongItIsOverdue() {
        Invoice invoice = anInvoice();
        LocalDate day = invoice.dueDate().plusDays(60);

        assertThat(levelDue(invoice, day)).hasValue(1);
        Invoice once = reminded(invoice, 1, day);
        assertThat(SCHEDULE.due(once, day)).as("once a day").isEmpty();
        assertThat(SCHEDULE.due(once, day.plusDays(1)))
                .as("level 2 is reached, level 1's deadline is not")
                .isEmpty();
        assertThat(SCHEDULE.due(once, day.plusDays(10)))
                .as("pay_by is the last day to pay")
                .isEmpty();
        assertThat(levelDue(once, day.plusDays(11))).hasValue(2);
        Invoice thrice = reminded(reminded(once, 2, day.plusDays(11)), 3, day.plusDays(22));
        assertThat(SCHEDULE.due(thrice, day.plusDays(60)))
                .as("no level after the last")
                .isEmpty();
    }

    @Test
    void theNextLevelWaitsForItsDay() {
        Invoice invoice = reminded(anInvoice(), 1, anInvoice().dueDate().plusDays(14));

        assertThat(SCHEDULE.due(invoice, invoice.dueDate().plusDays(27))).isEmpty();
        assertThat(levelDue(invoice, invoice.dueDate().plusDays(28))).hasValue(2);
    }

    @Test
    void aPaidOrCreditedInvoiceIsNeverDue() {
        Invoice invoice = anInvoice();
        LocalDate late = invoice.dueDate().plusDays(100);

        assertThat(SCHEDULE.due(invoice.withPaid(invoice.total()), late)).isEmpty();
        Invoice credited = InvoiceFixtures.with(
                invoice,
                List.of(new CreditNote(
                        UUID.randomUUID(), "GS-2026-000001", invoice.id(), invoice.total(), "r", Instant.EPOCH, "a")),
                List.of(),
                invoice.paidAmount());
        assertThat(SCHEDULE.due(credited, late)).isEmpty();
        assertThat(SCHEDULE.due(invoice.withPaid(Money.of("100.00", "EUR")), late))
                .as("partly paid is still overdue")
                .isPresent();
    }

    @Test
    void feesAreOwedBesidesTheOutstandingAmountWhichTheyDoNotChange() {
        Invoice invoice = anInvoice();
        Invoice reminded = reminded(
                reminded(invoice, 1, invoice.dueDate().plusDays(14)),
                2,
                invoice.dueDate().plusDays(28));

        assertThat(invoice.dunningLevel()).isZero();
        assertThat(invoice.feesDue()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(reminded.dunningLevel()).isEqualTo(2);
        assertThat(reminded.feesDue()).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(reminded.outstanding()).isEqualTo(invoice.outstanding());
    }

    private static Optional<Integer> levelDue(Invoice invoice, LocalDate day) {
        return SCHEDULE.due(invoice, day).map(DunningSchedule.Level::level);
    }

    private static Invoice anInvoice() {
        return InvoiceFixtures.anInvoice(
                UUID.randomUUID(),
                "423.64",
                "EUR",
                new OnAccount.PaymentTerms(14, null, null),
                Instant.parse("2026-03-02T09:00:00Z"));
    }

    private static Invoice reminded(Invoice invoice, int level, LocalDate on) {
        List<Reminder> reminders = new ArrayList<>(invoice.reminders());
        reminders.add(new Reminder(
                UUID.randomUUID(),
                invoice.id(),
                level,
                invoice.outstanding(),
                SCHEDULE.levels().get(level - 1).feeIn(invoice.currency()),
                (int) java.time.temporal.ChronoUnit.DAYS.between(invoice.dueDate(), on),
                on,
                on.plusDays(10),
                Instant.EPOCH,
                "system"));
        return InvoiceFixtures.with(invoice, invoice.creditNotes(), reminders, invoice.paidAmount());
    }
}
