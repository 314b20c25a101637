package io.orderhub.payments;

import static io.orderhub.payments.BankStatementFiles.TODAY;
import static io.orderhub.payments.BankStatementFiles.fill;
import static io.orderhub.payments.BankStatementFiles.reference;
import static io.orderhub.payments.BankStatementFiles.resource;
import static io.orderhub.payments.BankStatementFiles.statement;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.OrderStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bank statements through the API, against the real database and broker: camt.053 (001.02 and 001.08) and
 * camt.054 credits matched to invoices by number and by payer, exactly, partly, with the early-payment discount
 * and beyond the total; an unknown credit listed and assigned; the same entry twice paid once; bad documents
 * refused with 4xx; a contract's receivables aged.
 */
class BankStatementsIT extends PaymentsTestBase {

    private static final Feed.Terms NET_30_2_IN_10 = new Feed.Terms(30, "2", 10);
    private static final Feed.Terms NET_14 = new Feed.Terms(14, null, null);

    @Test
    void matchesACreditByTheInvoiceNumberAndRecordsABankTransferPayment() {
        Invoiced invoice = invoice("423.64", NET_14);
        String ref = reference();

        HttpResponse<String> answer =
                post(statement("camt.053.001.08.xml", ref, "423.64", "Rechnung " + invoice.number));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode data = data(answer);
        assertThat(data.get("message_type").asString()).isEqualTo("camt.053.001.08");
        assertThat(data.get("matched").asInt()).isEqualTo(1);
        assertThat(data.get("unmatched").asInt()).isZero();
        assertThat(data.get("debits").asInt()).isEqualTo(1);
        assertThat(data.get("already_applied").asInt()).isZero();
        JsonNode line = data.get("lines").get(0);
        assertThat(line.get("outcome").asString()).isEqualTo("matched");
        assertThat(line.get("matched_by").asString()).isEqualTo("number");
        assertThat(line.get("invoice_id").asString()).isEqualTo(invoice.id);
        assertThat(line.get("invoice_status").asString()).isEqualTo("paid");
        assertThat(line.get("overpaid").asBoolean()).isFalse();
        assertThat(data.get("lines").get(1).get("outcome").asString()).isEqualTo("debit");

        JsonNode payment =
                data(admin().get("/api/v1/payments/" + line.get("payment_id").asString()));
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("provider").asString()).isEqualTo("bank_transfer");
        assertThat(payment.get("provider_reference").asString()).isEqualTo(ref);
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("423.64");
        assertThat(payment.get("order_id").asString()).isEqualTo(invoice.orderId.toString());
        List<io.orderhub.events.PaymentEvent> events =
                awaitPublishedOnceInOrder(UUID.fromString(line.get("payment_id").asString()), 1);
        assertThat(events.get(0).getPayment().getProvider()).isEqualTo("bank_transfer");
    }

    @Test
    void aPartialPaymentLeavesTheRestOpenAndAStructuredReferencePaysTheRest() {
        Invoiced invoice = invoice("423.64", NET_14);

        JsonNode first = data(post(statement("camt.053.001.08.xml", reference(), "200.00", invoice.number)));
        assertThat(first.get("matched").asInt()).isEqualTo(1);
        assertThat(first.at("/lines/0/invoice_status").asString()).isEqualTo("partially_paid");

        JsonNode rest = data(post(statement("camt.053.001.02.xml", reference(), "223.64", invoice.number)));
        assertThat(rest.get("message_type").asString()).isEqualTo("camt.053.001.02");
        assertThat(rest.get("matched").asInt()).isEqualTo(1);
        assertThat(rest.at("/lines/0/invoice_status").asString()).isEqualTo("paid");
        assertThat(rest.at("/lines/0/overpaid").asBoolean()).isFalse();
    }

    @Test
    void withinTheDiscountPeriodTheTotalLessTheDiscountSettlesTheInvoiceWithACreditNote() {
        Invoiced invoice = invoice("423.64", NET_30_2_IN_10);

        JsonNode data = data(
                post(statement("camt.053.001.08.xml", reference(), "415.17", "RE " + invoice.number.substring(3))));

        JsonNode line = data.get("lines").get(0);
        assertThat(line.get("outcome").asString()).isEqualTo("matched");
        assertThat(line.get("discount").decimalValue()).isEqualByComparingTo("8.47");
        assertThat(line.get("invoice_status").asString()).isEqualTo("paid");
        JsonNode read = data(admin().get("/api/v1/invoices/" + invoice.id));
        assertThat(read.get("credited_amount").decimalValue()).isEqualByComparingTo("8.47");
        assertThat(read.at("/credit_notes/0/reason").asString()).startsWith("Skonto");
        assertThat(read.at("/credit_notes/0/number").asString()).startsWith("GS-");
    }

    @Test
    void anOverpaymentIsRecordedAndFlagged() {
        Invoiced invoice = invoice("423.64", NET_14);

        JsonNode line = data(post(statement("camt.053.001.08.xml", reference(), "500.00", invoice.number)))
                .get("lines")
                .get(0);

        assertThat(line.get("outcome").asString()).isEqualTo("matched");
        assertThat(line.get("overpaid").asBoolean()).isTrue();
        JsonNode payment =
                data(admin().get("/api/v1/payments/" + line.get("payment_id").asString()));
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(payment.get("needs_attention").asBoolean()).isTrue();
        assertThat(payment.get("attention_reason").asString()).contains("overpaid");
    }

    @Test
    void matchesByAmountAndPayerWithoutAnInvoiceNumberAndThenByThePayersIban() {
        String company = "Zahnarztpraxis " + UUID.randomUUID();
        String iban = "DE02120300000000" + (100000 + ThreadLocalRandom.current().nextInt(899999));
        Invoiced first = invoice("311.17", NET_14, company);

        JsonNode line = data(post(
                        statement("camt.054.001.08.xml", reference(), "311.17", "Bestellung PO-4711", company, iban)))
                .get("lines")
                .get(0);
        assertThat(line.get("outcome").asString()).isEqualTo("matched");
        assertThat(line.get("matched_by").asString()).isEqualTo("payer");
        assertThat(line.get("invoice_id").asString()).isEqualTo(first.id);

        // The bank names the payer differently now; the IBAN paid this contract before.
        Invoiced second = invoice("97.40", NET_14, company, first.contractId);
        JsonNode again = data(post(
                        statement("camt.053.001.08.xml", reference(), "97.40", "Danke", "ZAHNARZT GMBH", iban)))
                .get("lines")
                .get(0);
        assertThat(again.get("matched_by").asString()).isEqualTo("payer");
        assertThat(again.get("invoice_id").asString()).isEqualTo(second.id);
    }

    @Test
    void anUnknownCreditIsListedForAnOperatorAndAssignedOnce() {
        Invoiced invoice = invoice("423.64", NET_14);
        Invoiced other = invoice("423.64", NET_14);
        String amount = "1" + ThreadLocalRandom.current().nextInt(10, 99) + ".31";

        JsonNode data = data(post(statement(
                "camt.053.001.08.xml", reference(), amount, "Vielen Dank", "Unbekannt AG", "DE75512108001245126199")));
        assertThat(data.get("matched").asInt()).isZero();
        assertThat(data.get("unmatched").asInt()).isEqualTo(1);
        String creditId = data.at("/lines/0/bank_credit_id").asString();
        assertThat(unmatchedCreditIds()).contains(creditId);

        HttpResponse<String> assigned = assign(creditId, invoice.id);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(data(assigned).get("outcome").asString()).isEqualTo("assigned");
        assertThat(data(assigned).get("matched_by").asString()).isEqualTo("operator");
        assertThat(data(assigned).get("invoice_status").asString()).isEqualTo("partially_paid");
        assertThat(unmatchedCreditIds()).doesNotContain(creditId);

        HttpResponse<String> again = assign(creditId, invoice.id);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(data(again).get("already_applied").asBoolean()).isTrue();
        assertThat(data(again).get("payment_id")).isEqualTo(data(assigned).get("payment_id"));
        HttpResponse<String> elsewhere = assign(creditId, other.id);
        assertThat(elsewhere.statusCode()).isEqualTo(409);
        assertThat(body(elsewhere).get("invoice_id").asString()).isEqualTo(invoice.id);

        JsonNode credit = data(admin().get("/api/v1/bank-credits/" + creditId));
        assertThat(credit.get("status").asString()).isEqualTo("assigned");
        assertThat(credit.get("payer_name").asString()).isEqualTo("Unbekannt AG");
        assertThat(credit.get("resolved_by").asString()).isEqualTo("admin");
    }

    @Test
    void assignmentsThatCannotBeAreClientErrors() {
        String creditId = data(post(statement(
                        "camt.053.001.08.xml", reference(), "12.34", "?", "Niemand", "DE44500105175407324931")))
                .at("/lines/0/bank_credit_id")
                .asString();

        assertThat(assign(creditId, UUID.randomUUID().toString()).statusCode()).isEqualTo(422);
        assertThat(assign(creditId, "not-a-uuid").statusCode()).isEqualTo(422);
        assertThat(admin().post("/api/v1/bank-credits/" + creditId + "/assign", "{}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(assign(UUID.randomUUID().toString(), UUID.randomUUID().toString())
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin().get("/api/v1/bank-credits?status=lost").statusCode()).isEqualTo(422);
    }

    @Test
    void theSameStatementTwiceChangesNothingAndAnswersTheSameCounts() {
        Invoiced invoice = invoice("423.64", NET_14);
        String xml = statement("camt.053.001.08.xml", reference(), "423.64", invoice.number);

        JsonNode first = data(post(xml));
        JsonNode second = data(post(xml));

        assertThat(second.get("matched")).isEqualTo(first.get("matched"));
        assertThat(second.get("unmatched")).isEqualTo(first.get("unmatched"));
        assertThat(second.get("debits")).isEqualTo(first.get("debits"));
        assertThat(second.get("already_applied").asInt()).isEqualTo(1);
        assertThat(second.at("/lines/0/payment_id")).isEqualTo(first.at("/lines/0/payment_id"));
        assertThat(paymentsOf(invoice.orderId)).hasSize(1);
    }

    @Test
    void aNotificationAndThenTheDaysStatementWithTheSameEntryPayOnce() {
        Invoiced invoice = invoice("423.64", NET_14);
        String ref = reference();

        JsonNode notified = data(post(statement("camt.054.001.08.xml", ref, "423.64", invoice.number)));
        JsonNode stated = data(post(statement("camt.053.001.02.xml", ref, "423.64", invoice.number)));

        assertThat(notified.get("matched").asInt()).isEqualTo(1);
        assertThat(stated.get("matched").asInt()).isEqualTo(1);
        assertThat(stated.get("already_applied").asInt()).isEqualTo(1);
        assertThat(stated.at("/lines/0/payment_id")).isEqualTo(notified.at("/lines/0/payment_id"));
        assertThat(paymentsOf(invoice.orderId)).hasSize(1);
    }

    @Test
    void documentsTheHubCannotReadAreClientErrorsNeverServerErrors() {
        String valid = statement("camt.053.001.08.xml", reference(), "1.00", "x");
        assertThat(post("not xml at all").statusCode()).isEqualTo(422);
        assertThat(post("<Document><unclosed>").statusCode()).isEqualTo(422);
        assertThat(post(resource("pain.001.001.03.xml")).statusCode()).isEqualTo(422);
        assertThat(post("").statusCode()).isIn(400, 422);
        HttpResponse<String> doctype =
                post("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + valid.substring(valid.indexOf("<Document")));
        assertThat(doctype.statusCode()).isEqualTo(422);
        assertThat(doctype.body()).doesNotContain("root:");
        HttpResponse<String> wrongAmount = post(valid.replace(">1.00<", ">1.005<"));
        assertThat(wrongAmount.statusCode()).isEqualTo(422);
        HttpResponse<String> json = admin().post("/api/v1/bank-statements", "{}");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        byte[] large = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        assertThat(admin().send("POST", "/api/v1/bank-statements", large, Map.of("Content-Type", "application/xml"))
                        .statusCode())
                .isEqualTo(413);
        assertThat(woo().send(
                                "POST",
                                "/api/v1/bank-statements",
                                valid.getBytes(StandardCharsets.UTF_8),
                                Map.of("Content-Type", "application/xml"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void agesAContractsReceivablesPerCurrency() {
        UUID contractId = UUID.randomUUID();
        invoice("423.64", NET_14, "Praxis Nord GmbH", contractId);
        invoice("100.00", NET_14, "Praxis Nord GmbH", contractId);

        JsonNode aging = data(admin().get("/api/v1/receivables/aging?contract_id=" + contractId));

        assertThat(aging.get("as_of").asString()).isEqualTo(TODAY.toString());
        assertThat(aging.get("open_invoices").asInt()).isEqualTo(2);
        JsonNode eur = aging.get("currencies").get(0);
        assertThat(eur.get("currency").asString()).isEqualTo("EUR");
        assertThat(eur.get("current").decimalValue()).isEqualByComparingTo("523.64");
        assertThat(eur.get("over_90").decimalValue()).isEqualByComparingTo("0");
        assertThat(eur.get("total").decimalValue()).isEqualByComparingTo("523.64");
        assertThat(admin().get("/api/v1/receivables/aging").statusCode()).isEqualTo(422);
        assertThat(admin().get("/api/v1/receivables/aging?contract_id=x").statusCode())
                .isEqualTo(422);
    }

    /**
     * Not a benchmark (one JVM shares two cores with the database and the broker): how many booked credits of one
     * statement the hub matches and records per second, each against its own invoice by number.
     */
    @Test
    void matchesAStatementOfManyLines() {
        int count = 100;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(invoice("423.64", NET_14).number);
        }
        String template = resource("camt.053.001.08.xml");
        String entry = template.substring(template.indexOf("<Ntry>"), template.indexOf("</Ntry>") + "</Ntry>".length());
        StringBuilder entries = new StringBuilder();
        String run = reference();
        for (int i = 0; i < count; i++) {
            entries.append(
                    fill(entry, run + "-" + i, "423.64", numbers.get(i), "Praxis Nord GmbH", "DE02120300000000202051"));
        }
        String xml = fill(
                template.substring(0, template.indexOf("<Ntry>"))
                        + entries
                        + template.substring(template.lastIndexOf("</Ntry>") + "</Ntry>".length()),
                run,
                "1.00",
                "",
                "",
                "");

        long started = System.nanoTime();
        JsonNode data = data(post(xml));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(data.get("matched").asInt()).isEqualTo(count);
        System.out.printf(
                "BankStatementsIT: %d statement lines matched in %.2f s = %.0f lines/s%n",
                count, seconds, count / seconds);
    }

    private record Invoiced(String id, String number, UUID orderId, UUID contractId) {}

    private Invoiced invoice(String total, Feed.Terms terms) {
        return invoice(total, terms, "Praxis Nord GmbH");
    }

    private Invoiced invoice(String total, Feed.Terms terms, String company) {
        return invoice(total, terms, company, UUID.randomUUID());
    }

    private Invoiced invoice(String total, Feed.Terms terms, String company, UUID contractId) {
        UUID orderId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, contractId, total, "0", OrderStatus.PENDING, 1, terms, company);
        HttpResponse<String> issued = admin().post("/api/v1/invoices", "{\"order_id\": \"%s\"}".formatted(orderId));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode invoice = data(issued);
        return new Invoiced(invoice.get("id").asString(), invoice.get("number").asString(), orderId, contractId);
    }

    private HttpResponse<String> post(String xml) {
        return admin().send(
                        "POST",
                        "/api/v1/bank-statements",
                        xml.getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/xml"));
    }

    private HttpResponse<String> assign(String creditId, String invoiceId) {
        return admin().post(
                        "/api/v1/bank-credits/" + creditId + "/assign",
                        "{\"invoice_id\": \"%s\"}".formatted(invoiceId));
    }

    private List<String> unmatchedCreditIds() {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = body(admin().get("/api/v1/bank-credits?status=unmatched&limit=200"
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor)));
            page.get("data").forEach(c -> ids.add(c.get("id").asString()));
            JsonNode next = page.at("/next_cursor");
            cursor = next.isMissingNode() || next.isNull() ? "" : next.asString();
        } while (!cursor.isEmpty());
        return ids;
    }

    private List<JsonNode> paymentsOf(UUID orderId) {
        List<JsonNode> payments = new ArrayList<>();
        data(admin().get("/api/v1/payments/order/" + orderId)).forEach(payments::add);
        return payments;
    }
}
