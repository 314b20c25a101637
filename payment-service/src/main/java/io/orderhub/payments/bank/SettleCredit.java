package io.orderhub.payments.bank;

import io.orderhub.messaging.id.Ids;
import io.orderhub.money.Money;
import io.orderhub.payments.invoice.CreditNote;
import io.orderhub.payments.invoice.FindInvoices;
import io.orderhub.payments.invoice.Invoice;
import io.orderhub.payments.invoice.IssueCreditNote;
import io.orderhub.payments.order.OrderView;
import io.orderhub.payments.order.Orders;
import io.orderhub.payments.payment.DuplicatePayment;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentLedger;
import io.orderhub.payments.payment.PaymentStatus;
import java.util.Comparator;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays an invoice with a bank credit, as every recorded payment is paid: a {@code bank_transfer} payment of the
 * credit's amount under the bank's entry reference, published through the {@link PaymentLedger} (event, so the
 * order moves and the channel's callback follows; overpayment flagged there). Within the discount period a
 * credit of exactly the outstanding amount less the discount first takes the discount off with a credit note.
 * The order's read-model row is locked first, as every payment of the order does.
 */
@Component
class SettleCredit {

    static final String PROVIDER = "bank_transfer";
    static final String DISCOUNT_REASON = "Skonto: early-payment discount, paid within the discount period";

    private final Orders orders;
    private final FindInvoices invoices;
    private final IssueCreditNote creditNotes;
    private final PaymentLedger ledger;
    private final BankCreditRepository credits;

    SettleCredit(
            Orders orders,
            FindInvoices invoices,
            IssueCreditNote creditNotes,
            PaymentLedger ledger,
            BankCreditRepository credits) {
        this.orders = orders;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.ledger = ledger;
        this.credits = credits;
    }

    /** The invoice with what is paid on it as far as the hub knows now ({@link FindInvoices#current}). */
    Invoice current(Invoice invoice) {
        return invoices.current(invoice);
    }

    String status(Invoice invoice) {
        return invoice.status(invoices.today()).wireName();
    }

    /** Whether the credit settles the invoice with its early-payment discount. */
    static boolean takesDiscount(Invoice invoice, BankCredit credit) {
        if (invoice.discountAmount() == null
                || invoice.discountDate() == null
                || credit.bookingDate().isAfter(invoice.discountDate())) {
            return false;
        }
        Money outstanding = invoice.outstanding();
        return outstanding.compareTo(invoice.discountAmount()) > 0
                && outstanding.minus(invoice.discountAmount()).compareTo(credit.amount()) == 0;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    StatementLine settle(BankCredit credit, Invoice matched, BankCredit.Status status, String how, String actor) {
        OrderView order = orders.lock(matched.orderId()).orElseThrow();
        Invoice invoice = current(invoices.byId(matched.id()));
        Payment payment = Payment.start(Ids.next(), order.id(), order.source(), PROVIDER, credit.amount())
                .status(PaymentStatus.SUCCEEDED)
                .recorded(credit.entryReference())
                .at(ledger.now());
        if (!ledger.reserve(payment, null)) {
            throw new DuplicatePayment(
                    "A bank_transfer payment with the entry reference " + credit.entryReference() + " exists already");
        }
        UUID discountNote = null;
        Money discount = null;
        if (takesDiscount(invoice, credit)) {
            discount = invoice.discountAmount();
            Invoice credited = creditNotes.issue(
                    invoice.id(), new IssueCreditNote.Request(discount.amount(), DISCOUNT_REASON), actor);
            discountNote = credited.creditNotes().stream()
                    .max(Comparator.comparing(CreditNote::issuedAt).thenComparing(CreditNote::id))
                    .orElseThrow()
                    .id();
            invoice = current(credited);
        }
        boolean overpaid = credit.amount().compareTo(invoice.outstanding()) > 0;
        ledger.publishCreated(
                payment,
                actor,
                "bank transfer " + credit.entryReference() + " for invoice " + invoice.number() + " ("
                        + (status == BankCredit.Status.ASSIGNED ? "assigned by " + actor : "matched by " + how) + ")");
        credits.settle(
                credit.id(),
                status,
                how,
                invoice.id(),
                invoice.contractId(),
                payment.id(),
                discountNote,
                overpaid,
                ledger.now(),
                actor);
        BankCredit settled = credits.find(credit.id()).orElseThrow();
        return StatementLine.of(settled, invoice.number(), status(current(invoice)), discount, false);
    }
}
