package io.orderhub.payments.bank;

import io.orderhub.messaging.id.Ids;
import io.orderhub.money.Money;
import io.orderhub.payments.invoice.CreditNote;
import io.orderhub.payments.invoice.FindInvoices;
import io.orderhub.payments.invoice.Invoice;
import io.orderhub.payments.payment.PaymentLedger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One booked credit of a statement, in its own transaction: stored once per account and entry reference (seen
 * before: its stored outcome, nothing changes), then matched to an invoice — by an invoice number in the
 * remittance information, else by amount and payer — and settled, or left unmatched for an operator.
 */
@Component
class MatchBankCredit {

    /** An invoice number as banks pass it on: any case, the hyphens sometimes turned into spaces or dropped. */
    private static final Pattern NUMBER = Pattern.compile("(?i)\\bRE[-\\s]?(\\d{4})[-\\s]?(\\d{6})\\b");

    private final BankCreditRepository credits;
    private final FindInvoices invoices;
    private final SettleCredit settle;
    private final PaymentLedger ledger;

    MatchBankCredit(BankCreditRepository credits, FindInvoices invoices, SettleCredit settle, PaymentLedger ledger) {
        this.credits = credits;
        this.invoices = invoices;
        this.settle = settle;
        this.ledger = ledger;
    }

    @Transactional
    public StatementLine apply(BankStatement statement, BankStatement.Entry entry, Money amount, String actor) {
        BankCredit credit = BankCredit.received(Ids.next(), statement, entry, amount, ledger.now());
        if (!credits.insert(credit)) {
            return stored(credits.findByKey(credit.entryKey()).orElseThrow());
        }
        Optional<Invoice> byNumber = numbers(entry.remittance()).stream()
                .map(invoices::byNumber)
                .flatMap(Optional::stream)
                .filter(i -> i.currency().equals(amount.currency()))
                .findFirst();
        if (byNumber.isPresent()) {
            return settle.settle(credit, byNumber.get(), BankCredit.Status.MATCHED, "number", actor);
        }
        List<Invoice> byPayer = invoices
                .ofPayer(amount.currency().code(), entry.payerName(), credits.contractsPaidFrom(entry.payerIban()))
                .stream()
                .map(settle::current)
                .filter(i -> i.outstanding().compareTo(amount) == 0 || SettleCredit.takesDiscount(i, credit))
                .toList();
        if (byPayer.size() == 1) {
            return settle.settle(credit, byPayer.get(0), BankCredit.Status.MATCHED, "payer", actor);
        }
        return StatementLine.of(credit, null, null, null, false);
    }

    /** A credit as stored before, with its invoice's number and discount. */
    StatementLine stored(BankCredit credit) {
        if (credit.invoiceId() == null) {
            return StatementLine.of(credit, null, null, null, true);
        }
        Invoice invoice = invoices.byId(credit.invoiceId());
        Money discount = invoice.creditNotes().stream()
                .filter(n -> n.id().equals(credit.discountNoteId()))
                .map(CreditNote::amount)
                .findFirst()
                .orElse(null);
        return StatementLine.of(credit, invoice.number(), settle.status(settle.current(invoice)), discount, true);
    }

    /** The invoice numbers the remittance information names, as the hub writes them, first named first. */
    static List<String> numbers(String remittance) {
        if (remittance == null) {
            return List.of();
        }
        Matcher matcher = NUMBER.matcher(remittance.toUpperCase(Locale.ROOT));
        return matcher.results()
                .map(r -> "RE-" + r.group(1) + "-" + r.group(2))
                .distinct()
                .toList();
    }
}
