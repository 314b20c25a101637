package io.orderhub.payments.bank;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification2;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV02;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV02;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus2Code;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionParty2;
import io.orderhub.payments.invoice.Invoice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads camt.053 (bank-to-customer statement) and camt.054 (debit/credit notification), versions 001.02 and
 * 001.08, with Prowide ISO 20022 into {@link BankStatement}. Anything else — not XML, a DOCTYPE, another message,
 * an entry without an amount — is an {@link UnreadableStatement}. Of a batch entry's transactions the first
 * names the payer; the remittance information of all of them is kept.
 */
final class CamtReader {

    private CamtReader() {}

    static BankStatement read(String xml, LocalDate today) {
        if (xml == null || xml.isBlank()) {
            throw new UnreadableStatement("the body is empty: send a camt.053 or camt.054 document");
        }
        if (xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
            // Entities are how XML reads files and hosts it should not; a bank statement never needs them.
            throw new UnreadableStatement("a document type declaration is not accepted");
        }
        AbstractMX mx;
        try {
            mx = AbstractMX.parse(xml);
        } catch (RuntimeException e) {
            mx = null;
        }
        if (mx == null) {
            throw new UnreadableStatement("not an ISO 20022 document the hub can read");
        }
        if (mx instanceof MxCamt05300102 camt) {
            BankToCustomerStatementV02 document = camt.getBkToCstmrStmt();
            return statement(
                    "camt.053.001.02",
                    document.getGrpHdr().getMsgId(),
                    document.getStmt(),
                    s -> s.getAcct().getId(),
                    AccountStatement2::getNtry,
                    (e, account) -> entry(e, account, today));
        }
        if (mx instanceof MxCamt05300108 camt) {
            BankToCustomerStatementV08 document = camt.getBkToCstmrStmt();
            return statement(
                    "camt.053.001.08",
                    document.getGrpHdr().getMsgId(),
                    document.getStmt(),
                    s -> s.getAcct().getId(),
                    AccountStatement9::getNtry,
                    (e, account) -> entry(e, account, today));
        }
        if (mx instanceof MxCamt05400102 camt) {
            BankToCustomerDebitCreditNotificationV02 document = camt.getBkToCstmrDbtCdtNtfctn();
            return statement(
                    "camt.054.001.02",
                    document.getGrpHdr().getMsgId(),
                    document.getNtfctn(),
                    n -> n.getAcct().getId(),
                    AccountNotification2::getNtry,
                    (e, account) -> entry(e, account, today));
        }
        if (mx instanceof MxCamt05400108 camt) {
            BankToCustomerDebitCreditNotificationV08 document = camt.getBkToCstmrDbtCdtNtfctn();
            return statement(
                    "camt.054.001.08",
                    document.getGrpHdr().getMsgId(),
                    document.getNtfctn(),
                    n -> n.getAcct().getId(),
                    AccountNotification17::getNtry,
                    (e, account) -> entry(e, account, today));
        }
        throw new UnreadableStatement(
                mx.getMxId().id() + " is not a statement the hub reads: send camt.053 or camt.054 (001.02 or 001.08)");
    }

    /** The entries of every account's statement (or notification), in the bank's order. */
    private static <A, E> BankStatement statement(
            String type,
            String messageId,
            List<A> accounts,
            Function<A, AccountIdentification4Choice> account,
            Function<A, List<E>> entriesOf,
            BiFunction<E, String, BankStatement.Entry> entry) {
        List<BankStatement.Entry> entries = new ArrayList<>();
        for (A a : accounts) {
            String iban = a == null ? null : iban(account.apply(a));
            entriesOf.apply(a).forEach(e -> entries.add(entry.apply(e, iban)));
        }
        longer(messageId, 255, "the message id");
        return new BankStatement(type, messageId, entries);
    }

    private static BankStatement.Entry entry(ReportEntry2 e, String account, LocalDate today) {
        List<EntryTransaction2> txs =
                e.getNtryDtls().stream().flatMap(d -> d.getTxDtls().stream()).toList();
        EntryTransaction2 tx = txs.isEmpty() ? null : txs.get(0);
        TransactionParty2 parties = tx == null ? null : tx.getRltdPties();
        return entry(
                new Fields(
                        first(
                                e.getAcctSvcrRef(),
                                e.getNtryRef(),
                                tx == null || tx.getRefs() == null
                                        ? null
                                        : tx.getRefs().getAcctSvcrRef()),
                        account,
                        e.getAmt(),
                        e.getCdtDbtInd(),
                        e.getSts() == EntryStatus2Code.BOOK,
                        first(
                                e.getBookgDt() == null
                                        ? null
                                        : date(
                                                e.getBookgDt().getDt(),
                                                e.getBookgDt().getDtTm()),
                                e.getValDt() == null
                                        ? null
                                        : date(
                                                e.getValDt().getDt(),
                                                e.getValDt().getDtTm()),
                                today),
                        parties == null || parties.getDbtr() == null
                                ? null
                                : parties.getDbtr().getNm(),
                        parties == null || parties.getDbtrAcct() == null
                                ? null
                                : iban(parties.getDbtrAcct().getId())),
                remittance(
                        txs.stream()
                                .map(EntryTransaction2::getRmtInf)
                                .filter(Objects::nonNull)
                                .toList(),
                        RemittanceInformation5::getUstrd,
                        r -> r.getStrd().stream().map(s -> s.getCdtrRefInf()).toList()));
    }

    private static BankStatement.Entry entry(ReportEntry10 e, String account, LocalDate today) {
        List<EntryTransaction10> txs =
                e.getNtryDtls().stream().flatMap(d -> d.getTxDtls().stream()).toList();
        EntryTransaction10 tx = txs.isEmpty() ? null : txs.get(0);
        TransactionParties6 parties = tx == null ? null : tx.getRltdPties();
        return entry(
                new Fields(
                        first(
                                e.getAcctSvcrRef(),
                                e.getNtryRef(),
                                tx == null || tx.getRefs() == null
                                        ? null
                                        : tx.getRefs().getAcctSvcrRef()),
                        account,
                        e.getAmt(),
                        e.getCdtDbtInd(),
                        e.getSts() != null && "BOOK".equals(e.getSts().getCd()),
                        first(
                                e.getBookgDt() == null
                                        ? null
                                        : date(
                                                e.getBookgDt().getDt(),
                                                e.getBookgDt().getDtTm()),
                                e.getValDt() == null
                                        ? null
                                        : date(
                                                e.getValDt().getDt(),
                                                e.getValDt().getDtTm()),
                                today),
                        parties == null
                                        || parties.getDbtr() == null
                                        || parties.getDbtr().getPty() == null
                                ? null
                                : parties.getDbtr().getPty().getNm(),
                        parties == null || parties.getDbtrAcct() == null
                                ? null
                                : iban(parties.getDbtrAcct().getId())),
                remittance(
                        txs.stream()
                                .map(EntryTransaction10::getRmtInf)
                                .filter(Objects::nonNull)
                                .toList(),
                        RemittanceInformation16::getUstrd,
                        r -> r.getStrd().stream().map(s -> s.getCdtrRefInf()).toList()));
    }

    /** What both versions' entries give, read from their own types. */
    private record Fields(
            String reference,
            String account,
            ActiveOrHistoricCurrencyAndAmount amount,
            CreditDebitCode direction,
            boolean booked,
            LocalDate bookingDate,
            String payerName,
            String payerIban) {}

    /** Every transaction's unstructured lines and structured creditor references, in order. */
    private static <R> List<String> remittance(
            List<R> informations,
            Function<R, List<String>> unstructured,
            Function<R, List<CreditorReferenceInformation2>> structured) {
        return informations.stream()
                .flatMap(r -> Stream.concat(
                        unstructured.apply(r).stream(),
                        structured.apply(r).stream()
                                .filter(Objects::nonNull)
                                .map(CreditorReferenceInformation2::getRef)))
                .filter(Objects::nonNull)
                .toList();
    }

    private static BankStatement.Entry entry(Fields fields, List<String> remittance) {
        ActiveOrHistoricCurrencyAndAmount amount = fields.amount();
        String account = fields.account();
        LocalDate bookingDate = fields.bookingDate();
        String payerIban = fields.payerIban();
        String reference = fields.reference();
        if (amount == null || amount.getValue() == null || amount.getCcy() == null || fields.direction() == null) {
            throw new UnreadableStatement("an entry has no amount, currency or credit/debit indicator");
        }
        if (amount.getValue().signum() <= 0) {
            throw new UnreadableStatement("an entry's amount must be above 0");
        }
        // ISO 20022 allows 35 characters for a reference and 34 for an IBAN; longer ones are not a camt document.
        longer(reference, 255, "an entry reference");
        longer(account, 34, "the account's IBAN");
        longer(payerIban, 34, "a payer's IBAN");
        String text = remittance.isEmpty() ? null : String.join(" ", remittance).strip();
        boolean credit = fields.direction() == CreditDebitCode.CRDT;
        String ref = reference == null || reference.isBlank()
                ? hash(account, amount, credit, bookingDate, payerIban, text)
                : reference.strip();
        return new BankStatement.Entry(
                ref,
                account,
                amount.getValue(),
                amount.getCcy(),
                credit,
                fields.booked(),
                bookingDate,
                fields.payerName() == null ? null : fields.payerName().strip(),
                payerIban,
                text);
    }

    /** A reference for an entry the bank gave none: the same entry in another statement gets the same one. */
    private static String hash(
            String account,
            ActiveOrHistoricCurrencyAndAmount amount,
            boolean credit,
            LocalDate bookingDate,
            String payerIban,
            String remittance) {
        String canonical = String.join(
                "\n",
                String.valueOf(account),
                amount.getValue().stripTrailingZeros().toPlainString(),
                amount.getCcy(),
                credit ? "CRDT" : "DBIT",
                String.valueOf(bookingDate),
                String.valueOf(payerIban),
                String.valueOf(remittance));
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(canonical.getBytes(StandardCharsets.UTF_8)))
                            .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void longer(String value, int limit, String what) {
        if (value != null && value.length() > limit) {
            throw new UnreadableStatement(what + " is longer than " + limit + " characters");
        }
    }

    private static String iban(AccountIdentification4Choice id) {
        return id == null || id.getIBAN() == null
                ? null
                : id.getIBAN().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static LocalDate date(LocalDate day, OffsetDateTime at) {
        if (day != null) {
            return day;
        }
        return at == null ? null : at.atZoneSameInstant(Invoice.ZONE).toLocalDate();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return value;
            }
        }
        return null;
    }
}
