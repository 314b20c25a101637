package io.orderhub.payments.invoice;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.order.OnAccount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as issued — amounts, buyer, terms and lines fixed then and never changed — with what happened
 * since: its credit notes, its payment reminders and what order-service counts as paid on the order
 * ({@code paidAmount}).
 */
public record Invoice(
        UUID id,
        String number,
        UUID orderId,
        UUID contractId,
        String source,
        Amounts amounts,
        Instant issuedAt,
        LocalDate dueDate,
        LocalDate discountDate,
        Money discountAmount,
        Issued issued,
        String issuedBy,
        List<CreditNote> creditNotes,
        List<Reminder> reminders,
        Money paidAmount) {

    /** Issue dates, and so due dates and the numbering year, are days in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public Invoice {
        creditNotes = List.copyOf(creditNotes);
        reminders = List.copyOf(reminders);
    }

    /** The order's amounts; {@code total} is what the buyer owes (the order's grand total). */
    public record Amounts(Money netTotal, Money taxTotal, Money shippingTotal, Money discountTotal, Money total) {

        public CurrencyCode currency() {
            return total.currency();
        }
    }

    /** What the invoice names, fixed at issue: the buyer, the terms it was issued under, the lines. */
    public record Issued(OnAccount.Buyer buyer, OnAccount.PaymentTerms paymentTerms, List<OnAccount.Line> lines) {}

    /**
     * A new invoice for an order on account: due {@code net_days} after the day of issue, and with an
     * early-payment discount the percentage of the total (rounded half up to the currency's digits) off until
     * {@code discount_days} after it.
     */
    static Invoice issue(
            UUID id,
            String number,
            UUID orderId,
            String source,
            OnAccount account,
            Money total,
            Instant at,
            String by) {
        CurrencyCode currency = total.currency();
        LocalDate day = at.atZone(ZONE).toLocalDate();
        OnAccount.PaymentTerms terms = account.paymentTerms();
        boolean discount = terms.discountPercent() != null && terms.discountDays() != null;
        return new Invoice(
                id,
                number,
                orderId,
                account.contractId(),
                source,
                new Amounts(
                        Money.of(account.subtotal(), currency),
                        Money.of(account.taxTotal(), currency),
                        Money.of(account.shippingTotal(), currency),
                        Money.of(account.discountTotal(), currency),
                        total),
                at,
                day.plusDays(terms.netDays()),
                discount ? day.plusDays(terms.discountDays()) : null,
                discount
                        ? Money.of(
                                total.amount()
                                        .multiply(terms.discountPercent())
                                        .divide(
                                                BigDecimal.valueOf(100),
                                                currency.fractionDigits(),
                                                RoundingMode.HALF_UP),
                                currency)
                        : null,
                new Issued(account.buyer(), terms, account.lines()),
                by,
                List.of(),
                List.of(),
                Money.zero(currency));
    }

    public CurrencyCode currency() {
        return amounts.currency();
    }

    /** The same invoice with another paid amount (what the hub's own payments received when it knows more). */
    public Invoice withPaid(Money paid) {
        return new Invoice(
                id,
                number,
                orderId,
                contractId,
                source,
                amounts,
                issuedAt,
                dueDate,
                discountDate,
                discountAmount,
                issued,
                issuedBy,
                creditNotes,
                reminders,
                paid);
    }

    public Money total() {
        return amounts.total();
    }

    public Money creditedAmount() {
        return creditNotes.stream().map(CreditNote::amount).reduce(Money.zero(currency()), Money::plus);
    }

    /** What credit notes may still take back. */
    public Money creditable() {
        return total().minus(creditedAmount()).max(Money.zero(currency()));
    }

    /** What is still to be paid: the total less credit notes and payments, never below zero. */
    public Money outstanding() {
        return creditable().minus(paidAmount).max(Money.zero(currency()));
    }

    /** The level of its last reminder; 0 when it was never reminded. */
    public int dunningLevel() {
        return reminders.stream().mapToInt(Reminder::level).max().orElse(0);
    }

    /** The reminders' fees: owed besides {@link #outstanding}, which they do not change. */
    public Money feesDue() {
        return reminders.stream().map(Reminder::fee).reduce(Money.zero(currency()), Money::plus);
    }

    /**
     * Credited when credit notes cover the total; paid when payments cover the rest; overdue when unpaid past
     * the due date; partially paid when some of it is paid; else open.
     */
    public InvoiceStatus status(LocalDate today) {
        if (creditable().isZero()) {
            return InvoiceStatus.CREDITED;
        }
        if (outstanding().isZero()) {
            return InvoiceStatus.PAID;
        }
        if (today.isAfter(dueDate)) {
            return InvoiceStatus.OVERDUE;
        }
        return paidAmount.isPositive() ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
    }
}
