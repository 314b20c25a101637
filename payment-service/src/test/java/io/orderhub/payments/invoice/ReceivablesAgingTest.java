package io.orderhub.payments.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.money.Money;
import io.orderhub.payments.order.OnAccount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReceivablesAgingTest {

    private static final UUID CONTRACT = UUID.randomUUID();
    /** Issued on 2026-01-02 (Berlin) with 30 days net: due on 2026-02-01. */
    private static final Instant ISSUED = Instant.parse("2026-01-02T09:00:00Z");

    private static final LocalDate DUE = LocalDate.parse("2026-02-01");

    @Test
    void bucketsByDaysPastTheDueDateAtFixedDays() {
        Invoice invoice = issued("100.00", "EUR");
        assertThat(invoice.dueDate()).isEqualTo(DUE);

        assertThat(row(invoice, DUE.minusDays(5)).current().amount()).isEqualByComparingTo("100.00");
        assertThat(row(invoice, DUE).current().amount()).isEqualByComparingTo("100.00");
        assertThat(row(invoice, DUE.plusDays(1)).days1To30().amount()).isEqualByComparingTo("100.00");
        assertThat(row(invoice, DUE.plusDays(30)).days1To30().amount()).isEqualByComparingTo("100.00");
        assertThat(row(invoice, DUE.plusDays(31)).days31To60().amount()).isEqualByComparingTo("100.00");
        assertThat(row(invoice, DUE.plusDays(60)).days31To60().amount()).isEqualByComparingTo("100.00");
        assertThat(row(invoice, DUE.plusDays(61)).days61To90().amount()).isEqualByComparingTo("100.00");
        assertThat(row(invoice, DUE.plusDays(90)).days61To90().amount()).isEqualByComparingTo("100.00");
        assertThat(row(invoice, DUE.plusDays(91)).over90().amount()).isEqualByComparingTo("100.00");
        ReceivablesAging.Row late = row(invoice, DUE.plusDays(91));
        assertThat(late.current().isZero()).isTrue();
        assertThat(late.days61To90().isZero()).isTrue();
        assertThat(late.total().amount()).isEqualByComparingTo("100.00");
    }

    @Test
    void countsWhatIsOutstandingPerCurrencyAndLeavesPaidInvoicesOut() {
        Invoice partly = issued("100.00", "EUR").withPaid(Money.of("40.00", "EUR"));
        Invoice paid = issued("50.00", "EUR").withPaid(Money.of("50.00", "EUR"));
        Invoice francs = issued("70.00", "CHF");

        ReceivablesAging aging = ReceivablesAging.of(CONTRACT, List.of(partly, paid, francs), DUE.plusDays(45));

        assertThat(aging.openInvoices()).isEqualTo(2);
        assertThat(aging.currencies()).extracting(r -> r.currency().code()).containsExactly("CHF", "EUR");
        assertThat(aging.currencies().get(1).days31To60().amount()).isEqualByComparingTo("60.00");
        assertThat(aging.currencies().get(0).total().amount()).isEqualByComparingTo("70.00");
    }

    private static ReceivablesAging.Row row(Invoice invoice, LocalDate today) {
        return ReceivablesAging.of(CONTRACT, List.of(invoice), today)
                .currencies()
                .get(0);
    }

    private static Invoice issued(String total, String currency) {
        return InvoiceFixtures.anInvoice(CONTRACT, total, currency, new OnAccount.PaymentTerms(30, null, null), ISSUED);
    }
}
