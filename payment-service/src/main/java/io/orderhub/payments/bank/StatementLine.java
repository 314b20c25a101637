package io.orderhub.payments.bank;

import io.orderhub.money.Money;
import java.util.UUID;

/**
 * What became of one entry of a statement: {@code outcome} is {@code matched}, {@code assigned} or
 * {@code unmatched} for a booked credit (its bank credit's status, also when the entry was applied before),
 * {@code debit} or {@code not_booked} for entries the hub does not match. {@code invoiceStatus} is the paid
 * invoice's status as the hub's own payments show it, before order-service has counted the new one.
 */
public record StatementLine(
        String entryReference,
        Money amount,
        String outcome,
        UUID bankCreditId,
        String matchedBy,
        UUID invoiceId,
        String invoiceNumber,
        String invoiceStatus,
        UUID paymentId,
        Money discount,
        boolean overpaid,
        boolean alreadyApplied) {

    static StatementLine skipped(BankStatement.Entry entry, Money amount, String outcome) {
        return new StatementLine(
                entry.reference(), amount, outcome, null, null, null, null, null, null, null, false, false);
    }

    static StatementLine of(
            BankCredit credit, String invoiceNumber, String invoiceStatus, Money discount, boolean alreadyApplied) {
        return new StatementLine(
                credit.entryReference(),
                credit.amount(),
                credit.status().wireName(),
                credit.id(),
                credit.matchedBy(),
                credit.invoiceId(),
                invoiceNumber,
                invoiceStatus,
                credit.paymentId(),
                discount,
                credit.overpaid(),
                alreadyApplied);
    }

    boolean settled() {
        return invoiceId != null;
    }
}
