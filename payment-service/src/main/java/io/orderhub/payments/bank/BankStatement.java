package io.orderhub.payments.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the hub reads of a camt.053 statement or camt.054 notification: its message type and id, and its entries
 * in the order the bank listed them.
 */
record BankStatement(String messageType, String messageId, List<Entry> entries) {

    BankStatement {
        entries = List.copyOf(entries);
    }

    /**
     * One entry: {@code reference} is the bank's (AcctSvcrRef, else NtryRef, else a hash of the entry, so the same
     * entry in a camt.054 and in the day's camt.053 has the same one); {@code remittance} the unstructured lines
     * and structured creditor references, joined by spaces.
     */
    record Entry(
            String reference,
            String accountIban,
            BigDecimal amount,
            String currency,
            boolean credit,
            boolean booked,
            LocalDate bookingDate,
            String payerName,
            String payerIban,
            String remittance) {}
}
