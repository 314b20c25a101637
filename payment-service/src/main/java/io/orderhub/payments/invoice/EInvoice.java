package io.orderhub.payments.invoice;

import io.orderhub.payments.order.OnAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import org.mustangproject.Allowance;
import org.mustangproject.BankDetails;
import org.mustangproject.CashDiscount;
import org.mustangproject.Charge;
import org.mustangproject.Contact;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.TransactionCalculator;

/**
 * An issued invoice as Mustang's EN 16931 model: the seller from its settings, the buyer, terms and lines the
 * invoice was issued under, the invoice number as payment reference (so a transfer naming it matches, see the bank
 * package), and the contract's buyer reference (Leitweg-ID) as BT-10. Shipping and order discounts become
 * document-level charge and allowance at the lines' VAT rate. Mustang recalculates the totals from the lines; an
 * invoice whose recalculated total is not its own is refused rather than stated differently.
 */
final class EInvoice {

    /** UN/ECE Rec. 20 "piece": the order's quantities count items. */
    private static final String PIECE = "H87";

    private EInvoice() {}

    static org.mustangproject.Invoice of(Invoice invoice, SellerSettings seller) {
        OnAccount.Buyer buyer = invoice.issued().buyer();
        LocalDate issueDay = invoice.issuedAt().atZone(Invoice.ZONE).toLocalDate();
        org.mustangproject.Invoice document = new org.mustangproject.Invoice()
                .setNumber(invoice.number())
                .setIssueDate(date(issueDay))
                .setDueDate(date(invoice.dueDate()))
                .setCurrency(invoice.currency().code())
                .setSender(seller(seller))
                .setRecipient(buyer(buyer))
                .setReferenceNumber(buyerReference(invoice))
                .setPaymentReference(invoice.number())
                .setPaymentTermDescription(terms(invoice));
        Set<BigDecimal> rates = new TreeSet<>();
        for (OnAccount.Line line : invoice.issued().lines()) {
            if (line.taxRate() == null) {
                throw new NoEInvoice("Line '" + line.name() + "' has no tax rate; an EN 16931 invoice needs one");
            }
            BigDecimal percent = line.taxRate().movePointRight(2);
            rates.add(percent);
            Product product = new Product(line.name(), "", PIECE, percent);
            if (line.sku() != null) {
                product.setSellerAssignedID(line.sku());
            }
            document.addItem(new Item(product, line.unitPrice(), BigDecimal.valueOf(line.quantity())));
        }
        adjust(document, invoice.amounts(), rates);
        OnAccount.PaymentTerms terms = invoice.issued().paymentTerms();
        if (terms.discountPercent() != null && terms.discountDays() != null) {
            document.addCashDiscount(new CashDiscount(terms.discountPercent(), terms.discountDays()));
        }
        BigDecimal recalculated = new TransactionCalculator(document).getGrandTotal();
        if (recalculated.compareTo(invoice.total().amount()) != 0) {
            throw new NoEInvoice("The invoice's lines give a total of " + recalculated + " "
                    + invoice.currency().code() + ", not its " + invoice.total().amount()
                    + "; an e-invoice would state another amount");
        }
        return document;
    }

    /** Shipping and the order's discount, taxed at the lines' rate when they have one. */
    private static void adjust(org.mustangproject.Invoice document, Invoice.Amounts amounts, Set<BigDecimal> rates) {
        BigDecimal shipping = amounts.shippingTotal().amount();
        BigDecimal discount = amounts.discountTotal().amount();
        if (shipping.signum() == 0 && discount.signum() == 0) {
            return;
        }
        if (rates.size() != 1) {
            throw new NoEInvoice("Shipping or a discount on an invoice whose lines have different tax rates (or none)"
                    + " cannot be assigned to one VAT rate");
        }
        BigDecimal rate = rates.iterator().next();
        if (shipping.signum() > 0) {
            document.addCharge(new Charge(shipping).setTaxPercent(rate).setReason("Versand / shipping"));
        }
        if (discount.signum() > 0) {
            document.addAllowance(new Allowance(discount).setTaxPercent(rate).setReason("Rabatt / discount"));
        }
    }

    /** In words; XRechnung's machine-readable Skonto line is Mustang's, from the cash discount. */
    private static String terms(Invoice invoice) {
        String net = "Zahlbar bis " + invoice.dueDate() + " ohne Abzug";
        return invoice.discountDate() == null
                ? net
                : net + ", bis " + invoice.discountDate() + " abzüglich "
                        + invoice.issued().paymentTerms().discountPercent().toPlainString() + " % Skonto ("
                        + invoice.discountAmount().amount().toPlainString() + " "
                        + invoice.currency().code() + ")";
    }

    private static TradeParty seller(SellerSettings seller) {
        TradeParty party = new TradeParty(
                        seller.name(), seller.street(), seller.postalCode(), seller.city(), seller.country())
                .addVATID(seller.vatId())
                .setEmail(seller.email())
                .setContact(new Contact(seller.contactName(), seller.phone(), seller.email()));
        return party.addBankDetails(
                seller.bic() == null || seller.bic().isBlank()
                        ? new BankDetails(seller.iban())
                        : new BankDetails(seller.iban(), seller.bic()));
    }

    private static TradeParty buyer(OnAccount.Buyer buyer) {
        OnAccount.Address address = buyer.address();
        TradeParty party = new TradeParty(
                        buyer.company(), address.line1(), address.postalCode(), address.city(), address.country())
                .setEmail(buyer.email());
        return buyer.vatId() == null ? party : party.addVATID(buyer.vatId());
    }

    /**
     * BT-10: the contract's buyer reference (a Leitweg-ID for public buyers); XRechnung requires one, so without it
     * the order id — the hub's reference of what the buyer ordered.
     */
    private static String buyerReference(Invoice invoice) {
        String reference = invoice.issued().buyer().buyerReference();
        return reference == null || reference.isBlank() ? invoice.orderId().toString() : reference;
    }

    /** Mustang writes dates in the JVM's zone; the start of the day in that zone writes the day itself. */
    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
