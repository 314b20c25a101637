package io.orderhub.callbacks.delivery;

import io.orderhub.events.CreditNoteSnapshot;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.InvoiceEventType;
import io.orderhub.events.ReminderSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hub-format body of an invoice callback, fields in a fixed order, rendered once per event and stored
 * (retries and replays send identical bytes). Amounts and the timestamp as in order callbacks; days as ISO
 * dates ({@code 2026-03-01}).
 */
final class InvoiceCallbackBody {

    private InvoiceCallbackBody() {}

    static String type(InvoiceEventType type) {
        return switch (type) {
            case INVOICE_ISSUED -> "invoice.issued";
            case CREDIT_NOTE_ISSUED -> "invoice.credit_note_issued";
            case REMINDER_ISSUED -> "invoice.reminder_issued";
        };
    }

    static String render(InvoiceEvent event, String documentUrl, String xrechnungUrl) {
        String currency = event.getCurrency();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", event.getEventId().toString());
        body.put("type", type(event.getType()));
        body.put("order_id", event.getOrderId().toString());
        body.put("source", event.getSource());
        body.put("contract_id", event.getContractId().toString());
        body.put("invoice_id", event.getInvoiceId().toString());
        body.put("invoice_number", event.getInvoiceNumber());
        body.put("currency", currency);
        body.put("total", CallbackBody.amount(event.getTotal(), currency));
        body.put("credited_amount", CallbackBody.amount(event.getCreditedAmount(), currency));
        body.put("issued_on", day(event.getIssuedOn()));
        body.put("due_date", day(event.getDueDate()));
        body.put("discount_date", day(event.getDiscountDate()));
        body.put("discount_amount", amountOrNull(event.getDiscountAmount(), currency));
        body.put("credit_note", creditNote(event.getCreditNote(), currency));
        body.put("reminder", reminder(event.getReminder(), currency));
        body.put("document_url", documentUrl);
        body.put("xrechnung_url", xrechnungUrl);
        body.put("timestamp", CallbackBody.timestamp(event.getOccurredAt()));
        return CallbackBody.json(body);
    }

    private static Map<String, Object> creditNote(CreditNoteSnapshot note, String currency) {
        if (note == null) {
            return null;
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("id", note.getId().toString());
        block.put("number", note.getNumber());
        block.put("amount", CallbackBody.amount(note.getAmount(), currency));
        block.put("reason", note.getReason());
        return block;
    }

    private static Map<String, Object> reminder(ReminderSnapshot reminder, String currency) {
        if (reminder == null) {
            return null;
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("id", reminder.getId().toString());
        block.put("level", reminder.getLevel());
        block.put("outstanding", CallbackBody.amount(reminder.getOutstanding(), currency));
        block.put("fee", CallbackBody.amount(reminder.getFee(), currency));
        block.put("days_overdue", reminder.getDaysOverdue());
        block.put("pay_by", day(reminder.getPayBy()));
        return block;
    }

    private static BigDecimal amountOrNull(BigDecimal amount, String currency) {
        return amount == null ? null : CallbackBody.amount(amount, currency);
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
