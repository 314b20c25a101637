package io.orderhub.payments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Bank statements as a bank sends them, from the templates in {@code src/test/resources/bank-statements}: one
 * booked credit of the amount with the remittance information, booked today, and a debit.
 */
final class BankStatementFiles {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    private BankStatementFiles() {}

    /** A fresh entry reference, as the bank's AcctSvcrRef. */
    static String reference() {
        return "2026"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    }

    static String statement(String file, String ref, String amount, String remittance) {
        return statement(file, ref, amount, remittance, "Praxis Nord GmbH", "DE02120300000000202051");
    }

    static String statement(String file, String ref, String amount, String remittance, String payer, String payerIban) {
        return fill(resource(file), ref, amount, remittance, payer, payerIban);
    }

    static String fill(String xml, String ref, String amount, String remittance, String payer, String payerIban) {
        return xml.replace("{{MSG_ID}}", "MSG-" + ref)
                .replace("{{REF}}", ref)
                .replace("{{AMOUNT}}", new BigDecimal(amount).toPlainString())
                .replace("{{BOOKING_DATE}}", TODAY.toString())
                .replace("{{REMITTANCE}}", remittance)
                .replace("{{PAYER}}", payer)
                .replace("{{PAYER_IBAN}}", payerIban);
    }

    static String resource(String name) {
        try (InputStream in = BankStatementFiles.class.getResourceAsStream("/bank-statements/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
