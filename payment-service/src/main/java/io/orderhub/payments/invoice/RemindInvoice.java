package io.orderhub.payments.invoice;

import io.orderhub.messaging.id.Ids;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds one invoice of a dunning run, in its own transaction with the invoice's row locked: at the level
 * {@link DunningSchedule#due} names for the day, with what is open counting the hub's own payments
 * ({@link FindInvoices#current}), and publishes it through the outbox in the same transaction. Two runs at once
 * (two instances, the daily run and the admin trigger) take the lock one after the other, and the second finds the
 * invoice reminded today: each reminder is issued once.
 */
@Service
class RemindInvoice {

    private final InvoiceRepository invoices;
    private final FindInvoices find;
    private final InvoiceEvents events;
    private final DunningSettings settings;
    private final Clock clock;

    RemindInvoice(
            InvoiceRepository invoices,
            FindInvoices find,
            InvoiceEvents events,
            DunningSettings settings,
            Clock clock) {
        this.invoices = invoices;
        this.find = find;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** The reminder issued for the invoice on {@code today}, or empty when none is due. */
    @Transactional
    public Optional<Reminder> remind(UUID invoiceId, DunningSchedule schedule, LocalDate today, String actor) {
        Invoice invoice = find.current(invoices.lock(invoiceId).orElseThrow(() -> new InvoiceNotFound(invoiceId)));
        Optional<DunningSchedule.Level> due = schedule.due(invoice, today);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        DunningSchedule.Level level = due.get();
        Reminder reminder = new Reminder(
                Ids.next(),
                invoice.id(),
                level.level(),
                invoice.outstanding(),
                level.feeIn(invoice.currency()),
                Math.toIntExact(ChronoUnit.DAYS.between(invoice.dueDate(), today)),
                today,
                today.plusDays(settings.graceDays()),
                clock.instant(),
                actor);
        if (!invoices.insert(reminder)) {
            return Optional.empty();
        }
        events.reminded(invoice, reminder);
        return Optional.of(reminder);
    }
}
