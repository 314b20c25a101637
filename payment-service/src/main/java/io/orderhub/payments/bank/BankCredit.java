package io.orderhub.payments.bank;

import io.orderhub.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A booked credit of a bank statement, kept once per account and entry reference: {@code unmatched} until it is
 * matched to an invoice (by number or payer) or assigned by an operator, then the invoice, the bank transfer
 * payment recorded for it, the credit note of an early-payment discount it settled with, and whether it paid
 * more than was open.
 */
public record BankCredit(
        UUID id,
        String entryKey,
        String entryReference,
        String accountIban,
        String messageType,
        String messageId,
        Money amount,
        LocalDate bookingDate,
        String payerName,
        String payerIban,
        String remittance,
        Status status,
        String matchedBy,
        UUID invoiceId,
        UUID contractId,
        UUID paymentId,
        UUID discountNoteId,
        boolean overpaid,
        Instant receivedAt,
        Instant resolvedAt,
        String resolvedBy) {

    /** Unmatched until matched by the hub or assigned by an operator; never back. */
    public enum Status {
        MATCHED,
        UNMATCHED,
        ASSIGNED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    static BankCredit received(UUID id, BankStatement statement, BankStatement.Entry entry, Money amount, Instant at) {
        return new BankCredit(
                id,
                (entry.accountIban() == null ? "-" : entry.accountIban()) + "/" + entry.reference(),
                entry.reference(),
                entry.accountIban(),
                statement.messageType(),
                statement.messageId(),
                amount,
                entry.bookingDate(),
                entry.payerName(),
                entry.payerIban(),
                entry.remittance(),
                Status.UNMATCHED,
                null,
                null,
                null,
                null,
                null,
                false,
                at,
                null,
                null);
    }

    /** Whether it pays an invoice (matched or assigned). */
    public boolean settled() {
        return invoiceId != null;
    }
}
