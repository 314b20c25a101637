package io.orderhub.payments.bank.web;

import io.orderhub.money.Money;
import io.orderhub.payments.bank.BankCredit;
import io.orderhub.payments.bank.ImportBankStatement;
import io.orderhub.payments.bank.StatementLine;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A statement's outcome, its lines and bank credits as the API shows them. */
final class BankJson {

    private BankJson() {}

    static Map<String, Object> of(ImportBankStatement.Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_type", result.messageType());
        body.put("message_id", result.messageId());
        body.put("matched", result.matched());
        body.put("unmatched", result.unmatched());
        body.put("debits", result.debits());
        body.put("not_booked", result.notBooked());
        body.put("already_applied", result.alreadyApplied());
        body.put("lines", result.lines().stream().map(BankJson::line).toList());
        return body;
    }

    static Map<String, Object> line(StatementLine line) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entry_reference", line.entryReference());
        body.put("amount", amount(line.amount()));
        body.put("currency", line.amount().currency().code());
        body.put("outcome", line.outcome());
        body.put("bank_credit_id", line.bankCreditId());
        body.put("matched_by", line.matchedBy());
        body.put("invoice_id", line.invoiceId());
        body.put("invoice_number", line.invoiceNumber());
        body.put("invoice_status", line.invoiceStatus());
        body.put("payment_id", line.paymentId());
        body.put("discount", amount(line.discount()));
        body.put("overpaid", line.overpaid());
        body.put("already_applied", line.alreadyApplied());
        return body;
    }

    static Map<String, Object> credit(BankCredit credit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", credit.id());
        body.put("status", credit.status().wireName());
        body.put("entry_reference", credit.entryReference());
        body.put("account_iban", credit.accountIban());
        body.put("message_type", credit.messageType());
        body.put("message_id", credit.messageId());
        body.put("amount", amount(credit.amount()));
        body.put("currency", credit.amount().currency().code());
        body.put("booking_date", credit.bookingDate().toString());
        body.put("payer_name", credit.payerName());
        body.put("payer_iban", credit.payerIban());
        body.put("remittance", credit.remittance());
        body.put("matched_by", credit.matchedBy());
        body.put("invoice_id", credit.invoiceId());
        body.put("payment_id", credit.paymentId());
        body.put("overpaid", credit.overpaid());
        body.put("received_at", credit.receivedAt().toString());
        body.put(
                "resolved_at",
                credit.resolvedAt() == null ? null : credit.resolvedAt().toString());
        body.put("resolved_by", credit.resolvedBy());
        return body;
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
