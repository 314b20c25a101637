package io.orderhub.callbacks;

import io.orderhub.events.CreditNoteSnapshot;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.InvoiceEventType;
import io.orderhub.events.ReminderSnapshot;
import io.orderhub.schemas.EventMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Invoice events as payment-service publishes them, for one invoice of an order on account: 1,190.00 EUR issued
 * on 2026-03-02, due 2026-04-01, 2 % discount (23.80) until 2026-03-12.
 */
public final class InvoiceEvents {

    public static final LocalDate ISSUED_ON = LocalDate.parse("2026-03-02");

    private final UUID invoiceId = UUID.randomUUID();
    private final UUID contractId = UUID.randomUUID();
    private final UUID orderId;
    private final String source;
    private final String number;

    private InvoiceEvents(UUID orderId, String source, String number) {
        this.orderId = orderId;
        this.source = source;
        this.number = number;
    }

    public static InvoiceEvents anInvoice(UUID orderId, String source, String number) {
        return new InvoiceEvents(orderId, source, number);
    }

    public UUID invoiceId() {
        return invoiceId;
    }

    public UUID contractId() {
        return contractId;
    }

    public InvoiceEvent issued(Instant at) {
        return builder(InvoiceEventType.INVOICE_ISSUED, "0", at).build();
    }

    /** A credit note of {@code amount}, all credit notes of the invoice so far adding up to {@code credited}. */
    public InvoiceEvent creditNote(UUID creditNoteId, String creditNoteNumber, String amount, String credited) {
        return builder(InvoiceEventType.CREDIT_NOTE_ISSUED, credited, Instant.now())
                .setCreditNote(CreditNoteSnapshot.newBuilder()
                        .setId(creditNoteId)
                        .setNumber(creditNoteNumber)
                        .setAmount(EventMoney.of(new BigDecimal(amount)))
                        .setReason("Returned goods")
                        .build())
                .build();
    }

    public InvoiceEvent reminder(UUID reminderId, int level, String outstanding, String fee) {
        return builder(InvoiceEventType.REMINDER_ISSUED, "0", Instant.now())
                .setReminder(ReminderSnapshot.newBuilder()
                        .setId(reminderId)
                        .setLevel(level)
                        .setOutstanding(EventMoney.of(new BigDecimal(outstanding)))
                        .setFee(EventMoney.of(new BigDecimal(fee)))
                        .setDaysOverdue(14)
                        .setPayBy(LocalDate.parse("2026-04-29"))
                        .build())
                .build();
    }

    private InvoiceEvent.Builder builder(InvoiceEventType type, String credited, Instant at) {
        return InvoiceEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setType(type)
                .setOccurredAt(at.truncatedTo(ChronoUnit.MICROS))
                .setActor("system")
                .setInvoiceId(invoiceId)
                .setInvoiceNumber(number)
                .setOrderId(orderId)
                .setContractId(contractId)
                .setSource(source)
                .setCurrency("EUR")
                .setTotal(EventMoney.of(new BigDecimal("1190")))
                .setCreditedAmount(EventMoney.of(new BigDecimal(credited)))
                .setIssuedOn(ISSUED_ON)
                .setDueDate(LocalDate.parse("2026-04-01"))
                .setDiscountDate(LocalDate.parse("2026-03-12"))
                .setDiscountAmount(EventMoney.of(new BigDecimal("23.8")));
    }
}
