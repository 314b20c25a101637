package io.orderhub.payments.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.order.OnAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    // 23:30 UTC on 31 December is already 1 January in Berlin: the day of issue is Berlin's.
    private static final Instant ISSUED = Instant.parse("2026-12-31T23:30:00Z");

    @Test
    void datesTheInvoiceFromTheTermsInBerlinsCalendar() {
        Invoice invoice = issued("1000.00", new OnAccount.PaymentTerms(30, new BigDecimal("2.5"), 10));

        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(invoice.discountDate()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(invoice.discountAmount()).isEqualTo(Money.of("25.00", "EUR"));
    }

    @Test
    void roundsTheDiscountHalfUpToTheCurrencysDigits() {
        Invoice invoice = issued("423.65", new OnAccount.PaymentTerms(30, new BigDecimal("2"), 10));

        assertThat(invoice.discountAmount()).isEqualTo(Money.of("8.47", "EUR"));
    }

    @Test
    void isOverdueOnlyAfterTheDueDateAndWhileNotPaid() {
        Invoice invoice = issued("100.00", new OnAccount.PaymentTerms(14, null, null));
        LocalDate due = invoice.dueDate();

        assertThat(invoice.status(due)).isEqualTo(InvoiceStatus.OPEN);
        assertThat(invoice.status(due.plusDays(1))).isEqualTo(InvoiceStatus.OVERDUE);
        assertThat(paid(invoice, "40.00").status(due.plusDays(1))).isEqualTo(InvoiceStatus.OVERDUE);
        assertThat(paid(invoice, "40.00").status(due)).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(paid(invoice, "100.00").status(due.plusDays(100))).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void creditNotesCoveringTheTotalMakeItCreditedWhateverWasPaid() {
        Invoice invoice = issued("100.00", new OnAccount.PaymentTerms(14, null, null));
        Invoice credited = credited(invoice, "60.00", "40.00");

        assertThat(credited.status(invoice.dueDate().plusDays(5))).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(credited.creditable().isZero()).isTrue();
        assertThat(paid(credited(invoice, "30.00"), "70.00").status(invoice.dueDate()))
                .isEqualTo(InvoiceStatus.PAID);
    }

    private static Invoice issued(String total, OnAccount.PaymentTerms terms) {
        return InvoiceFixtures.anInvoice(UUID.randomUUID(), total, "EUR", terms, ISSUED);
    }

    private static Invoice paid(Invoice i, String amount) {
        return with(i, i.creditNotes(), Money.of(amount, "EUR"));
    }

    private static Invoice credited(Invoice i, String... amounts) {
        List<CreditNote> notes = java.util.Arrays.stream(amounts)
                .map(a -> new CreditNote(
                        UUID.randomUUID(), "GS-2027-000001", i.id(), Money.of(a, "EUR"), "r", ISSUED, "admin"))
                .toList();
        return with(i, notes, i.paidAmount());
    }

    private static Invoice with(Invoice i, List<CreditNote> notes, Money paid) {
        return InvoiceFixtures.with(i, notes, i.reminders(), paid);
    }
}
