package io.orderhub.payments.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.order.OnAccount;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The e-invoices of an issued invoice, checked by Mustang's validator against EN 16931 and XRechnung. */
class EInvoiceTest {

    @Test
    void theXRechnungOfAnInvoicePassesTheEn16931AndXRechnungRules() {
        RenderEInvoice.Document xml =
                RenderEInvoice.xrechnung(InvoiceFixtures.aGloveInvoice(), InvoiceFixtures.aSeller());

        EInvoiceValidation.Verdict verdict = EInvoiceValidation.validate(xml.content(), xml.fileName());

        assertThat(verdict.valid()).as(verdict.report()).isTrue();
        String text = new String(xml.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("<ram:BuyerReference>04011000-12345-67</ram:BuyerReference>");
        assertThat(text).contains("RE-2026-000042");
        assertThat(xml.fileName()).isEqualTo("RE-2026-000042-xrechnung.xml");
    }

    @Test
    void theValidatorRejectsADocumentThatBreaksTheRules() {
        byte[] valid = RenderEInvoice.xrechnung(InvoiceFixtures.aGloveInvoice(), InvoiceFixtures.aSeller())
                .content();
        // The grand total no longer the sum of net and VAT (BR-CO-15), and no buyer reference (BR-DE-15).
        String broken = new String(valid, StandardCharsets.UTF_8)
                .replace(
                        "<ram:GrandTotalAmount>423.64</ram:GrandTotalAmount>",
                        "<ram:GrandTotalAmount>500.00</ram:GrandTotalAmount>")
                .replace("<ram:BuyerReference>04011000-12345-67</ram:BuyerReference>", "");
        assertThat(broken).isNotEqualTo(new String(valid, StandardCharsets.UTF_8));

        EInvoiceValidation.Verdict verdict =
                EInvoiceValidation.validate(broken.getBytes(StandardCharsets.UTF_8), "broken.xml");

        assertThat(verdict.valid()).as(verdict.report()).isFalse();
        assertThat(verdict.report()).contains("BR-CO-15");
    }

    @Test
    void aLineWithoutATaxRateHasNoEInvoice() {
        Invoice invoice = invoiceWith(
                List.of(new OnAccount.Line(
                        "Gloves", "G", 1, new BigDecimal("10.00"), new BigDecimal("10.00"), null, null)),
                "10.00",
                "0",
                "10.00");

        assertThatThrownBy(() -> RenderEInvoice.xrechnung(invoice, InvoiceFixtures.aSeller()))
                .isInstanceOf(NoEInvoice.class)
                .hasMessageContaining("no tax rate");
    }

    @Test
    void anInvoiceWhoseLinesGiveAnotherTotalHasNoEInvoice() {
        Invoice invoice = invoiceWith(List.of(line("10.00", "0.19")), "10.00", "1.90", "12.00");

        assertThatThrownBy(() -> RenderEInvoice.xrechnung(invoice, InvoiceFixtures.aSeller()))
                .isInstanceOf(NoEInvoice.class)
                .hasMessageContaining("11.90");
    }

    @Test
    void shippingOverLinesOfSeveralRatesHasNoEInvoice() {
        Invoice invoice = invoiceWith(List.of(line("10.00", "0.19"), line("10.00", "0.07")), "20.00", "2.60", "27.60");
        Invoice shipped = new Invoice(
                invoice.id(),
                invoice.number(),
                invoice.orderId(),
                invoice.contractId(),
                invoice.source(),
                new Invoice.Amounts(
                        invoice.amounts().netTotal(),
                        invoice.amounts().taxTotal(),
                        eur("5.00"),
                        invoice.amounts().discountTotal(),
                        invoice.total()),
                invoice.issuedAt(),
                invoice.dueDate(),
                invoice.discountDate(),
                invoice.discountAmount(),
                invoice.issued(),
                invoice.issuedBy(),
                invoice.creditNotes(),
                invoice.reminders(),
                invoice.paidAmount());

        assertThatThrownBy(() -> RenderEInvoice.xrechnung(shipped, InvoiceFixtures.aSeller()))
                .isInstanceOf(NoEInvoice.class)
                .hasMessageContaining("one VAT rate");
    }

    @Test
    void withoutTheSellersSettingsThereIsNoEInvoiceAndTheMissingOnesAreNamed() {
        SellerSettings partly = new SellerSettings(
                "Order Hub Handels GmbH", null, null, "Berlin", "DE", " ", null, null, null, null, null);

        assertThatThrownBy(() -> RenderEInvoice.facturX(InvoiceFixtures.aGloveInvoice(), partly))
                .isInstanceOf(SellerNotConfigured.class)
                .hasMessageContaining("INVOICE_SELLER_STREET")
                .hasMessageContaining("INVOICE_SELLER_VAT_ID")
                .hasMessageContaining("INVOICE_SELLER_IBAN")
                .hasMessageNotContaining("INVOICE_SELLER_NAME")
                .hasMessageNotContaining("INVOICE_SELLER_BIC");
    }

    private static OnAccount.Line line(String net, String rate) {
        BigDecimal amount = new BigDecimal(net);
        return new OnAccount.Line(
                "Item " + rate, "SKU", 1, amount, amount, new BigDecimal(rate), amount.multiply(new BigDecimal(rate)));
    }

    private static Invoice invoiceWith(List<OnAccount.Line> lines, String net, String tax, String total) {
        Invoice glove = InvoiceFixtures.aGloveInvoice();
        return new Invoice(
                UUID.randomUUID(),
                "RE-2026-000043",
                UUID.randomUUID(),
                UUID.randomUUID(),
                "b2b",
                new Invoice.Amounts(eur(net), eur(tax), eur("0"), eur("0"), eur(total)),
                glove.issuedAt(),
                glove.dueDate(),
                null,
                null,
                new Invoice.Issued(glove.issued().buyer(), new OnAccount.PaymentTerms(14, null, null), lines),
                "admin",
                List.of(),
                List.of(),
                eur("0"));
    }

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), CurrencyCode.of("EUR"));
    }
}
