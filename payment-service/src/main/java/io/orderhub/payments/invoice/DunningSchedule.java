package io.orderhub.payments.invoice;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DUNNING_SCHEDULE}: the reminder levels of an overdue invoice, e.g. {@code 14d,28d:5.00,42d:10.00} — level 1
 * at 14 days past the due date without a fee, level 2 at 28 days with a fee of 5.00, level 3 at 42 days with 10.00.
 * Days strictly increase from level to level; a fee is a number in the invoice's currency.
 */
public record DunningSchedule(List<Level> levels) {

    static final String VARIABLE = "DUNNING_SCHEDULE";
    static final int MAX_DAYS = 3650;
    /** numeric(19,4) holds the fee; four digits are more than any currency has. */
    private static final int FEE_DIGITS = 4;

    public DunningSchedule {
        levels = List.copyOf(levels);
    }

    /** One level: its number (1, 2, …), the days past the due date it is reached at, and its fee. */
    public record Level(int level, int days, BigDecimal fee) {

        /**
         * The fee in the invoice's currency, rounded half up to the currency's digits: {@code 5.50} is 5.50 EUR
         * but 6 JPY, {@code 5.00} is 5 JPY. The schedule's figures are not converted between currencies.
         */
        Money feeIn(CurrencyCode currency) {
            return Money.of(fee.setScale(currency.fractionDigits(), RoundingMode.HALF_UP), currency);
        }
    }

    /** Parses the schedule, or throws naming {@code DUNNING_SCHEDULE} and what is wrong. */
    public static DunningSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("is empty; name at least one level such as 14d or 28d:5.00");
        }
        List<Level> levels = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Level level = level(part.strip(), levels.size() + 1);
            if (!levels.isEmpty()
                    && level.days() <= levels.get(levels.size() - 1).days()) {
                throw invalid("'" + part.strip() + "' must be more days past the due date than the level before it ("
                        + levels.get(levels.size() - 1).days() + "d): the days increase from level to level");
            }
            levels.add(level);
        }
        return new DunningSchedule(levels);
    }

    private static Level level(String text, int number) {
        String[] parts = text.split(":", -1);
        String count = parts[0].strip();
        if (parts.length > 2 || !count.endsWith("d")) {
            throw invalid("'" + text + "' is not a level such as 14d or 28d:5.00 (days past the due date, "
                    + "optionally ':' and a fee)");
        }
        int days;
        try {
            days = Integer.parseInt(count.substring(0, count.length() - 1).strip());
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "' does not start with a whole number of days such as 14d");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw invalid("'" + text + "' must be 1 to " + MAX_DAYS + " days past the due date (an invoice is "
                    + "overdue from the day after it)");
        }
        BigDecimal fee = parts.length == 2 ? fee(text, parts[1].strip()) : BigDecimal.ZERO;
        return new Level(number, days, fee);
    }

    private static BigDecimal fee(String text, String fee) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(fee);
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "' has a fee that is not a number such as 5.00");
        }
        if (amount.signum() < 0) {
            throw invalid("'" + text + "' has a negative fee");
        }
        if (amount.compareTo(Money.LIMIT) >= 0 || amount.stripTrailingZeros().scale() > FEE_DIGITS) {
            throw invalid("'" + text + "' has a fee with more than " + FEE_DIGITS + " fraction digits or above "
                    + Money.LIMIT.toPlainString());
        }
        return amount;
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(VARIABLE + ": " + problem);
    }

    /**
     * The level to remind the invoice at on {@code today}, if any: it is overdue (not paid or credited, past its due
     * date), was not reminded today already, the deadline its last reminder set ({@code pay_by}) has passed, and the
     * level after its last reminder is reached. One level at a time, each after the previous one's deadline: an
     * invoice reminded at no level yet gets level 1 however long it is overdue, and the next level no earlier than
     * the day after that reminder's {@code pay_by} — a buyer always gets the time a reminder gave before the next.
     */
    public Optional<Level> due(Invoice invoice, LocalDate today) {
        if (invoice.status(today) != InvoiceStatus.OVERDUE
                || invoice.reminders().stream()
                        .anyMatch(r ->
                                !r.remindedOn().isBefore(today) || !r.payBy().isBefore(today))) {
            return Optional.empty();
        }
        int next = invoice.dunningLevel() + 1;
        if (next > levels.size()) {
            return Optional.empty();
        }
        Level level = levels.get(next - 1);
        return ChronoUnit.DAYS.between(invoice.dueDate(), today) >= level.days()
                ? Optional.of(level)
                : Optional.empty();
    }

    /** The days past the due date the first level is reached at: no invoice due more recently is reminded. */
    int firstDays() {
        return levels.get(0).days();
    }
}
