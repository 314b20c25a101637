package io.orderhub.payments.bank;

import io.orderhub.payments.invoice.FindInvoices;
import io.orderhub.payments.invoice.Invoice;
import io.orderhub.payments.invoice.InvoiceNotFound;
import io.orderhub.payments.payment.InvalidRequest;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator pays an invoice with an unmatched bank credit. The credit's row is locked, so it is assigned once;
 * assigning it to the same invoice again answers the same, to another one is a conflict naming the invoice it
 * pays.
 */
@Service
public class AssignBankCredit {

    private final BankCreditRepository credits;
    private final FindInvoices invoices;
    private final SettleCredit settle;
    private final MatchBankCredit match;

    AssignBankCredit(BankCreditRepository credits, FindInvoices invoices, SettleCredit settle, MatchBankCredit match) {
        this.credits = credits;
        this.invoices = invoices;
        this.settle = settle;
        this.match = match;
    }

    /** The credit as it pays the invoice; {@code alreadyApplied} when it did so before this call. */
    @Transactional
    public StatementLine assign(UUID creditId, UUID invoiceId, String actor) {
        BankCredit credit = credits.lock(creditId).orElseThrow(() -> new BankCreditNotFound(creditId));
        if (credit.invoiceId() != null) {
            if (credit.invoiceId().equals(invoiceId)) {
                return match.stored(credit);
            }
            throw new BankCreditSettled(credit);
        }
        Invoice invoice;
        try {
            invoice = invoices.byId(invoiceId);
        } catch (InvoiceNotFound e) {
            throw new InvalidRequest("invoice_id", "no such invoice");
        }
        if (!invoice.currency().equals(credit.amount().currency())) {
            throw new InvalidRequest(
                    "invoice_id",
                    "the invoice is in " + invoice.currency().code() + ", the credit in "
                            + credit.amount().currency().code());
        }
        return settle.settle(credit, invoice, BankCredit.Status.ASSIGNED, "operator", actor);
    }
}
