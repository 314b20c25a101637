package io.orderhub.payments.invoice;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a contract's invoices leave open on a day, by how long it is overdue: {@code current} (not yet due),
 * 1–30, 31–60, 61–90 and more than 90 days past the due date; one row per currency.
 */
public record ReceivablesAging(UUID contractId, LocalDate asOf, int openInvoices, List<Row> currencies) {

    public ReceivablesAging {
        currencies = List.copyOf(currencies);
    }

    /** One currency's open amounts per bucket, and their sum. */
    public record Row(
            CurrencyCode currency,
            Money current,
            Money days1To30,
            Money days31To60,
            Money days61To90,
            Money over90,
            Money total) {

        static Row empty(CurrencyCode currency) {
            Money zero = Money.zero(currency);
            return new Row(currency, zero, zero, zero, zero, zero, zero);
        }

        Row plus(Money open, long daysOverdue) {
            return new Row(
                    currency,
                    daysOverdue <= 0 ? current.plus(open) : current,
                    daysOverdue >= 1 && daysOverdue <= 30 ? days1To30.plus(open) : days1To30,
                    daysOverdue >= 31 && daysOverdue <= 60 ? days31To60.plus(open) : days31To60,
                    daysOverdue >= 61 && daysOverdue <= 90 ? days61To90.plus(open) : days61To90,
                    daysOverdue > 90 ? over90.plus(open) : over90,
                    total.plus(open));
        }
    }

    /** The invoices' outstanding amounts on {@code today}; paid and credited invoices count nothing. */
    public static ReceivablesAging of(UUID contractId, List<Invoice> invoices, LocalDate today) {
        Map<String, Row> rows = new TreeMap<>();
        int open = 0;
        for (Invoice invoice : invoices) {
            Money outstanding = invoice.outstanding();
            if (!outstanding.isPositive()) {
                continue;
            }
            open++;
            long overdue = ChronoUnit.DAYS.between(invoice.dueDate(), today);
            rows.compute(
                    invoice.currency().code(),
                    (code, row) -> (row == null ? Row.empty(invoice.currency()) : row).plus(outstanding, overdue));
        }
        return new ReceivablesAging(contractId, today, open, new ArrayList<>(rows.values()));
    }
}
