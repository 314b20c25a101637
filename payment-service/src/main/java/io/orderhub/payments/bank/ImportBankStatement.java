package io.orderhub.payments.bank;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.invoice.FindInvoices;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Reads a camt.053 or camt.054 and applies its booked credits one by one, each in its own transaction
 * ({@link MatchBankCredit}); debits and entries not yet booked are counted and left alone. The whole document is
 * read and checked before any credit is applied, so an unreadable one changes nothing. Importing it again, or an
 * overlapping one, changes nothing and answers the same outcome for every credit, marked as applied before.
 */
@Service
public class ImportBankStatement {

    private final MatchBankCredit match;
    private final FindInvoices invoices;

    ImportBankStatement(MatchBankCredit match, FindInvoices invoices) {
        this.match = match;
        this.invoices = invoices;
    }

    /** What a statement did: counts of the credits matched (or assigned before) and unmatched, and every line. */
    public record Result(
            String messageType,
            String messageId,
            int matched,
            int unmatched,
            int debits,
            int notBooked,
            int alreadyApplied,
            List<StatementLine> lines) {

        public Result {
            lines = List.copyOf(lines);
        }
    }

    public Result importStatement(String xml, String actor) {
        BankStatement statement = CamtReader.read(xml, invoices.today());
        List<Money> amounts = new ArrayList<>();
        for (BankStatement.Entry entry : statement.entries()) {
            CurrencyCode currency = CurrencyCode.parse(entry.currency())
                    .orElseThrow(() -> new UnreadableStatement(
                            "entry " + entry.reference() + ": " + entry.currency() + " is not an ISO 4217 currency"));
            String problem = Money.problemWith(entry.amount(), currency);
            if (problem != null) {
                throw new UnreadableStatement("entry " + entry.reference() + ": the amount " + problem);
            }
            amounts.add(Money.of(entry.amount(), currency));
        }
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 0; i < statement.entries().size(); i++) {
            BankStatement.Entry entry = statement.entries().get(i);
            Money amount = amounts.get(i);
            if (!entry.credit()) {
                lines.add(StatementLine.skipped(entry, amount, "debit"));
            } else if (!entry.booked()) {
                lines.add(StatementLine.skipped(entry, amount, "not_booked"));
            } else {
                lines.add(match.apply(statement, entry, amount, actor));
            }
        }
        return new Result(
                statement.messageType(),
                statement.messageId(),
                count(lines, StatementLine::settled),
                count(lines, l -> l.bankCreditId() != null && !l.settled()),
                count(lines, l -> "debit".equals(l.outcome())),
                count(lines, l -> "not_booked".equals(l.outcome())),
                count(lines, StatementLine::alreadyApplied),
                lines);
    }

    private static int count(List<StatementLine> lines, Predicate<StatementLine> which) {
        return (int) lines.stream().filter(which).count();
    }
}
