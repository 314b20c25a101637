package io.orderhub.payments.invoice;

import io.orderhub.messaging.id.Ids;
import io.orderhub.money.Money;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes back part or all of an invoice with a credit note, never more than is not yet credited. The invoice's
 * row is locked, so two credit notes of one invoice are checked one after the other.
 */
@Service
public class IssueCreditNote {

    static final String SERIES = "GS";
    static final int REASON_LIMIT = 500;

    private final InvoiceRepository invoices;
    private final InvoiceEvents events;
    private final Clock clock;

    IssueCreditNote(InvoiceRepository invoices, InvoiceEvents events, Clock clock) {
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /** What the caller asks to credit: an amount and why. */
    public record Request(BigDecimal amount, String reason) {}

    /** The invoice with its new credit note. */
    @Transactional
    public Invoice issue(UUID invoiceId, Request request, String actor) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new InvoiceNotFound(invoiceId));
        Money amount = validated(request, invoice);
        Instant now = clock.instant();
        int year = now.atZone(Invoice.ZONE).getYear();
        String number = IssueInvoice.number(SERIES, year, invoices.nextNumber(SERIES, year));
        CreditNote creditNote = new CreditNote(
                Ids.next(), number, invoiceId, amount, request.reason().strip(), now, actor);
        invoices.insert(creditNote);
        Invoice credited = invoices.find(invoiceId).orElseThrow();
        events.credited(credited, creditNote);
        return credited;
    }

    private static Money validated(Request request, Invoice invoice) {
        List<Violation> violations = new ArrayList<>();
        Money amount = null;
        BigDecimal sent = request == null ? null : request.amount();
        if (sent == null) {
            violations.add(new Violation("amount", "is required"));
        } else if (sent.signum() <= 0) {
            violations.add(new Violation("amount", "must be above 0"));
        } else {
            String problem = Money.problemWith(sent, invoice.currency());
            if (problem != null) {
                violations.add(new Violation("amount", problem));
            } else {
                amount = Money.of(sent, invoice.currency());
                if (amount.compareTo(invoice.creditable()) > 0) {
                    violations.add(new Violation(
                            "amount", "is above what is not yet credited (" + invoice.creditable() + ")"));
                }
            }
        }
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            violations.add(new Violation("reason", "is required"));
        } else if (reason.length() > REASON_LIMIT) {
            violations.add(new Violation("reason", "must be at most " + REASON_LIMIT + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return amount;
    }
}
