package io.orderhub.payments.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CamtReaderTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");

    @Test
    void readsTheEntriesOfACamt053Version08() throws IOException {
        BankStatement statement = CamtReader.read(sample("camt.053.001.08.xml"), TODAY);

        assertThat(statement.messageType()).isEqualTo("camt.053.001.08");
        assertThat(statement.messageId()).isEqualTo("MSG-REF1");
        assertThat(statement.entries()).hasSize(2);
        BankStatement.Entry credit = statement.entries().get(0);
        assertThat(credit.reference()).isEqualTo("REF1");
        assertThat(credit.accountIban()).isEqualTo("DE89370400440532013000");
        assertThat(credit.amount()).isEqualByComparingTo("423.64");
        assertThat(credit.currency()).isEqualTo("EUR");
        assertThat(credit.credit()).isTrue();
        assertThat(credit.booked()).isTrue();
        assertThat(credit.bookingDate()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(credit.payerName()).isEqualTo("Praxis Nord GmbH");
        assertThat(credit.payerIban()).isEqualTo("DE02120300000000202051");
        assertThat(credit.remittance()).isEqualTo("Rechnung RE-2026-000017");
        assertThat(statement.entries().get(1).credit()).isFalse();
    }

    @Test
    void readsAStructuredCreditorReferenceOfACamt053Version02() throws IOException {
        BankStatement.Entry credit =
                CamtReader.read(sample("camt.053.001.02.xml"), TODAY).entries().get(0);

        assertThat(credit.reference()).isEqualTo("REF1");
        assertThat(credit.payerName()).isEqualTo("Praxis Nord GmbH");
        assertThat(credit.remittance()).isEqualTo("Rechnung RE-2026-000017");
        assertThat(credit.booked()).isTrue();
    }

    @Test
    void theSameEntryWithoutAReferenceGetsTheSameHashInANotificationAndAStatement() throws IOException {
        String notification = sample("camt.054.001.08.xml")
                .replace("<NtryRef>REF1</NtryRef>", "")
                .replace("<AcctSvcrRef>REF1</AcctSvcrRef>", "");
        String statement = sample("camt.053.001.08.xml")
                .replace("<NtryRef>REF1</NtryRef>", "")
                .replace("<AcctSvcrRef>REF1</AcctSvcrRef>", "");

        String fromNotification =
                CamtReader.read(notification, TODAY).entries().get(0).reference();
        assertThat(fromNotification).startsWith("sha256:");
        assertThat(CamtReader.read(statement, TODAY).entries().get(0).reference())
                .isEqualTo(fromNotification);
    }

    @Test
    void findsInvoiceNumbersAsBanksPassThemOn() {
        assertThat(MatchBankCredit.numbers("Rechnung re-2026-000017 und RE 2026 000018, RE2026000019"))
                .containsExactly("RE-2026-000017", "RE-2026-000018", "RE-2026-000019");
        assertThat(MatchBankCredit.numbers("PO-2026-000017")).isEmpty();
        assertThat(MatchBankCredit.numbers(null)).isEmpty();
    }

    @Test
    void refusesWhatIsNotACamtStatement() throws IOException {
        assertThatThrownBy(() -> CamtReader.read("hello", TODAY)).isInstanceOf(UnreadableStatement.class);
        assertThatThrownBy(() -> CamtReader.read("", TODAY)).isInstanceOf(UnreadableStatement.class);
        assertThatThrownBy(() -> CamtReader.read(sample("pain.001.001.03.xml"), TODAY))
                .isInstanceOf(UnreadableStatement.class)
                .hasMessageContaining("pain.001.001.03");
        assertThatThrownBy(() -> CamtReader.read(
                        sample("camt.053.001.08.xml").replace("<Amt Ccy=\"EUR\">423.64</Amt>", ""), TODAY))
                .isInstanceOf(UnreadableStatement.class);
        assertThatThrownBy(() -> CamtReader.read(sample("camt.053.001.08.xml").replace("REF1", "R".repeat(300)), TODAY))
                .isInstanceOf(UnreadableStatement.class)
                .hasMessageContaining("entry reference");
        assertThatThrownBy(() -> CamtReader.read(
                        sample("camt.053.001.08.xml").replace("DE02120300000000202051", "DE" + "0".repeat(40)), TODAY))
                .isInstanceOf(UnreadableStatement.class)
                .hasMessageContaining("IBAN");
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = CamtReaderTest.class.getResourceAsStream("/bank-statements/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{MSG_ID}}", "MSG-REF1")
                    .replace("{{REF}}", "REF1")
                    .replace("{{AMOUNT}}", "423.64")
                    .replace("{{BOOKING_DATE}}", "2026-12-04")
                    .replace("{{REMITTANCE}}", "Rechnung RE-2026-000017")
                    .replace("{{PAYER}}", "Praxis Nord GmbH")
                    .replace("{{PAYER_IBAN}}", "DE02120300000000202051");
        }
    }
}
