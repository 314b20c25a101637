package io.orderhub.payments.invoice;

import io.orderhub.money.Money;
import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.PaymentRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads invoices: one, or a page newest first; {@link #today} is the day their status is derived for. A channel's
 * key sees its own channel's invoices only: another channel's invoice is no invoice at all.
 */
@Service
public class FindInvoices {

    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final Clock clock;

    FindInvoices(InvoiceRepository invoices, PaymentRepository payments, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Invoice byId(UUID id) {
        return invoices.find(id).orElseThrow(() -> new InvoiceNotFound(id));
    }

    /** The invoice if the caller may see it (an admin, or the channel that owns the order), else not found. */
    @Transactional(readOnly = true)
    public Invoice byId(UUID id, Caller caller) {
        Invoice invoice = byId(id);
        if (!caller.canSee(invoice.source())) {
            throw new InvoiceNotFound(id);
        }
        return invoice;
    }

    /**
     * Newest first, of the caller's channel unless it sees all; {@code beforeAt}/{@code beforeId} is the last
     * invoice of the previous page, or null.
     */
    @Transactional(readOnly = true)
    public List<Invoice> list(
            Caller caller, UUID orderId, UUID contractId, Instant beforeAt, UUID beforeId, int limit) {
        String source = caller.seesAllChannels() ? null : caller.channel();
        return invoices.page(orderId, contractId, source, beforeAt, beforeId, limit);
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> byNumber(String number) {
        return invoices.findByNumber(number);
    }

    /** The invoice of that number if the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<Invoice> byNumber(String number, Caller caller) {
        return byNumber(number).filter(invoice -> caller.canSee(invoice.source()));
    }

    /**
     * Invoices in the currency of the company of that name (in any case) or of one of the contracts, oldest first;
     * at most 200, which is more than a payer has open.
     */
    @Transactional(readOnly = true)
    public List<Invoice> ofPayer(String currency, String company, Collection<UUID> contractIds) {
        return invoices.ofPayer(currency, company, contractIds, 200);
    }

    /** The contract's receivables by days overdue, today. */
    @Transactional(readOnly = true)
    public ReceivablesAging aging(UUID contractId) {
        return ReceivablesAging.of(contractId, invoices.ofContract(contractId), today());
    }

    /**
     * The invoice with what is paid on it as far as the hub knows now: order-service's count from the order's
     * events, or the order's own payments when they show more (a payment recorded moments ago, such as a bank
     * transfer matched before order-service has counted it).
     */
    public Invoice current(Invoice invoice) {
        Money received = Money.of(payments.netReceived(invoice.orderId(), null), invoice.currency());
        return invoice.withPaid(invoice.paidAmount().max(received));
    }

    public LocalDate today() {
        return clock.instant().atZone(Invoice.ZONE).toLocalDate();
    }
}
