package io.orderhub.payments.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads invoices: one, or a page newest first; {@link #today} is the day their status is derived for. */
@Service
public class FindInvoices {

    private final InvoiceRepository invoices;
    private final Clock clock;

    FindInvoices(InvoiceRepository invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Invoice byId(UUID id) {
        return invoices.find(id).orElseThrow(() -> new InvoiceNotFound(id));
    }

    /** Newest first; {@code beforeAt}/{@code beforeId} is the last invoice of the previous page, or null. */
    @Transactional(readOnly = true)
    public List<Invoice> list(UUID orderId, UUID contractId, Instant beforeAt, UUID beforeId, int limit) {
        return invoices.page(orderId, contractId, beforeAt, beforeId, limit);
    }

    public LocalDate today() {
        return clock.instant().atZone(Invoice.ZONE).toLocalDate();
    }
}
