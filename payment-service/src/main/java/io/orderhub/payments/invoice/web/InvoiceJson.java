package io.orderhub.payments.invoice.web;

import io.orderhub.money.Money;
import io.orderhub.payments.invoice.CreditNote;
import io.orderhub.payments.invoice.Invoice;
import io.orderhub.payments.invoice.ReceivablesAging;
import io.orderhub.payments.invoice.Reminder;
import io.orderhub.payments.invoice.RunDunning;
import io.orderhub.payments.order.OnAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** An invoice as the API shows it: amounts at the currency's scale, its status as of {@code today}. */
final class InvoiceJson {

    private InvoiceJson() {}

    static Map<String, Object> of(Invoice invoice, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", invoice.id());
        body.put("number", invoice.number());
        body.put("status", invoice.status(today).wireName());
        body.put("order_id", invoice.orderId());
        body.put("contract_id", invoice.contractId());
        body.put("source", invoice.source());
        body.put("currency", invoice.currency().code());
        Invoice.Amounts amounts = invoice.amounts();
        body.put("net_total", amount(amounts.netTotal()));
        body.put("tax_total", amount(amounts.taxTotal()));
        body.put("shipping_total", amount(amounts.shippingTotal()));
        body.put("discount_total", amount(amounts.discountTotal()));
        body.put("total", amount(amounts.total()));
        body.put("paid_amount", amount(invoice.paidAmount()));
        body.put("credited_amount", amount(invoice.creditedAmount()));
        body.put("outstanding", amount(invoice.outstanding()));
        body.put("issued_at", invoice.issuedAt().toString());
        body.put("due_date", invoice.dueDate().toString());
        body.put(
                "discount_date",
                invoice.discountDate() == null ? null : invoice.discountDate().toString());
        body.put("discount_amount", amount(invoice.discountAmount()));
        body.put("buyer", buyer(invoice.issued().buyer()));
        OnAccount.PaymentTerms terms = invoice.issued().paymentTerms();
        Map<String, Object> paymentTerms = new LinkedHashMap<>();
        paymentTerms.put("net_days", terms.netDays());
        paymentTerms.put("discount_percent", terms.discountPercent());
        paymentTerms.put("discount_days", terms.discountDays());
        body.put("payment_terms", paymentTerms);
        body.put(
                "lines",
                invoice.issued().lines().stream()
                        .map(line -> line(line, invoice.currency().fractionDigits()))
                        .toList());
        body.put(
                "credit_notes",
                invoice.creditNotes().stream().map(InvoiceJson::creditNote).toList());
        body.put("dunning_level", invoice.dunningLevel());
        body.put("fees_due", amount(invoice.feesDue()));
        body.put(
                "reminders",
                invoice.reminders().stream().map(InvoiceJson::reminder).toList());
        body.put("issued_by", invoice.issuedBy());
        return body;
    }

    static Map<String, Object> of(RunDunning.Result run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("day", run.day().toString());
        body.put("invoices_looked_at", run.lookedAt());
        body.put("reminders_issued", run.issued());
        body.put(
                "levels",
                run.issuedByLevel().entrySet().stream()
                        .map(level -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("level", level.getKey());
                            row.put("issued", level.getValue());
                            return row;
                        })
                        .toList());
        body.put("failed", run.failed());
        return body;
    }

    private static Map<String, Object> reminder(Reminder reminder) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", reminder.id());
        body.put("level", reminder.level());
        body.put("outstanding", amount(reminder.outstanding()));
        body.put("fee", amount(reminder.fee()));
        body.put("days_overdue", reminder.daysOverdue());
        body.put("reminded_on", reminder.remindedOn().toString());
        body.put("pay_by", reminder.payBy().toString());
        body.put("issued_at", reminder.issuedAt().toString());
        body.put("issued_by", reminder.issuedBy());
        return body;
    }

    static Map<String, Object> of(ReceivablesAging aging) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contract_id", aging.contractId());
        body.put("as_of", aging.asOf().toString());
        body.put("open_invoices", aging.openInvoices());
        body.put(
                "currencies",
                aging.currencies().stream()
                        .map(row -> {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("currency", row.currency().code());
                            r.put("current", amount(row.current()));
                            r.put("days_1_30", amount(row.days1To30()));
                            r.put("days_31_60", amount(row.days31To60()));
                            r.put("days_61_90", amount(row.days61To90()));
                            r.put("over_90", amount(row.over90()));
                            r.put("total", amount(row.total()));
                            return r;
                        })
                        .toList());
        return body;
    }

    private static Map<String, Object> buyer(OnAccount.Buyer buyer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", buyer.company());
        body.put("vat_id", buyer.vatId());
        body.put("email", buyer.email());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", buyer.address().line1());
        address.put("postal_code", buyer.address().postalCode());
        address.put("city", buyer.address().city());
        address.put("country", buyer.address().country());
        body.put("address", address);
        body.put("buyer_reference", buyer.buyerReference());
        return body;
    }

    private static Map<String, Object> line(OnAccount.Line line, int digits) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", line.name());
        body.put("sku", line.sku());
        body.put("quantity", line.quantity());
        body.put("unit_price", scaled(line.unitPrice(), digits));
        body.put("net", scaled(line.net(), digits));
        body.put("tax_rate", scaled(line.taxRate(), 0));
        body.put("tax", scaled(line.tax(), digits));
        return body;
    }

    private static Map<String, Object> creditNote(CreditNote note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", note.id());
        body.put("number", note.number());
        body.put("amount", amount(note.amount()));
        body.put("reason", note.reason());
        body.put("issued_at", note.issuedAt().toString());
        body.put("issued_by", note.issuedBy());
        return body;
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    /**
     * Without the event's padding to four digits but with at least {@code digits} (8.9000 → 8.90 in EUR, a rate
     * 0.1900 → 0.19), never in exponent form.
     */
    private static BigDecimal scaled(BigDecimal value, int digits) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(digits, Math.max(stripped.scale(), 0)));
    }
}
