package io.orderhub.payments.invoice;

import io.orderhub.events.CreditNoteSnapshot;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.InvoiceEventType;
import io.orderhub.events.ReminderSnapshot;
import io.orderhub.messaging.id.Ids;
import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.money.Money;
import io.orderhub.schemas.EventMoney;
import io.orderhub.schemas.EventTopic;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Publishes each issued document — an invoice, a credit note, a payment reminder — as an {@link InvoiceEvent} on
 * {@code orderhub.invoice-events.v1}, through the outbox in the transaction that issued it: an invoice is
 * published exactly when it exists.
 */
@Component
class InvoiceEvents {

    private final Outbox outbox;

    InvoiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void issued(Invoice invoice, String actor) {
        append(of(invoice, InvoiceEventType.INVOICE_ISSUED, null, null, invoice.issuedAt(), actor));
    }

    void reminded(Invoice invoice, Reminder reminder) {
        append(of(
                invoice,
                InvoiceEventType.REMINDER_ISSUED,
                null,
                ReminderSnapshot.newBuilder()
                        .setId(reminder.id())
                        .setLevel(reminder.level())
                        .setOutstanding(money(reminder.outstanding()))
                        .setFee(money(reminder.fee()))
                        .setDaysOverdue(reminder.daysOverdue())
                        .setPayBy(reminder.payBy())
                        .build(),
                reminder.issuedAt(),
                reminder.issuedBy()));
    }

    void credited(Invoice invoice, CreditNote creditNote) {
        append(of(
                invoice,
                InvoiceEventType.CREDIT_NOTE_ISSUED,
                CreditNoteSnapshot.newBuilder()
                        .setId(creditNote.id())
                        .setNumber(creditNote.number())
                        .setAmount(money(creditNote.amount()))
                        .setReason(creditNote.reason())
                        .build(),
                null,
                creditNote.issuedAt(),
                creditNote.issuedBy()));
    }

    /** Keyed by the order: an order's invoice, credit notes and reminders in the order they were issued. */
    private void append(InvoiceEvent event) {
        outbox.append(EventTopic.INVOICE_EVENTS, "invoice", event.getOrderId(), event);
    }

    static InvoiceEvent of(
            Invoice invoice,
            InvoiceEventType type,
            @Nullable CreditNoteSnapshot creditNote,
            @Nullable ReminderSnapshot reminder,
            Instant occurredAt,
            String actor) {
        return InvoiceEvent.newBuilder()
                .setEventId(Ids.next())
                .setType(type)
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MICROS))
                .setActor(actor)
                .setInvoiceId(invoice.id())
                .setInvoiceNumber(invoice.number())
                .setOrderId(invoice.orderId())
                .setContractId(invoice.contractId())
                .setSource(invoice.source())
                .setCurrency(invoice.currency().code())
                .setTotal(money(invoice.total()))
                .setCreditedAmount(money(invoice.creditedAmount()))
                .setIssuedOn(invoice.issuedAt().atZone(Invoice.ZONE).toLocalDate())
                .setDueDate(invoice.dueDate())
                .setDiscountDate(invoice.discountDate())
                .setDiscountAmount(invoice.discountDate() == null ? null : money(invoice.discountAmount()))
                .setCreditNote(creditNote)
                .setReminder(reminder)
                .build();
    }

    private static BigDecimal money(Money money) {
        return EventMoney.of(money.amount());
    }
}
