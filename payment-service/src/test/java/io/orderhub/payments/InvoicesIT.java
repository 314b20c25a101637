package io.orderhub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.InvoiceEventType;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderStatus;
import io.orderhub.payments.invoice.EInvoiceValidation;
import io.orderhub.payments.order.OnAccount;
import io.orderhub.payments.order.Orders;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Invoices of orders on account through the API, against the real database and broker: issued on request and on
 * confirmation (once), refused for other orders, numbered without gaps under concurrency, dated from the terms,
 * credited, and their status derived from what the order's events say was paid; their e-invoices (Factur-X PDF/A-3
 * and XRechnung) pass Mustang's validator and read back.
 */
class InvoicesIT extends PaymentsTestBase {

    private static final Feed.Terms NET_30_2_IN_10 = new Feed.Terms(30, "2", 10);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TopicRecorder INVOICE_EVENTS =
            TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.INVOICE_EVENTS.topicName());

    @Autowired
    Orders orders;

    @Test
    void issuesAnInvoiceOnRequestWithTheOrdersTermsLinesAndDates() {
        UUID orderId = UUID.randomUUID();
        UUID contractId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, contractId, "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);

        HttpResponse<String> created = issue(orderId);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode invoice = data(created);
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/v1/invoices/" + invoice.get("id").asString());
        LocalDate today = LocalDate.now(BERLIN);
        assertThat(invoice.get("number").asString()).matches("RE-" + today.getYear() + "-\\d{6}");
        assertThat(invoice.get("status").asString()).isEqualTo("open");
        assertThat(invoice.get("order_id").asString()).isEqualTo(orderId.toString());
        assertThat(invoice.get("contract_id").asString()).isEqualTo(contractId.toString());
        assertThat(invoice.get("currency").asString()).isEqualTo("EUR");
        assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("423.64");
        assertThat(invoice.get("tax_total").decimalValue()).isEqualByComparingTo("67.64");
        assertThat(invoice.get("due_date").asString())
                .isEqualTo(today.plusDays(30).toString());
        assertThat(invoice.get("discount_date").asString())
                .isEqualTo(today.plusDays(10).toString());
        assertThat(invoice.get("discount_amount").decimalValue()).isEqualByComparingTo("8.47");
        assertThat(invoice.at("/buyer/company").asString()).isEqualTo("Praxis Nord GmbH");
        assertThat(invoice.at("/buyer/vat_id").asString()).isEqualTo("DE123456789");
        assertThat(invoice.at("/buyer/address/city").asString()).isEqualTo("Hamburg");
        assertThat(invoice.at("/buyer/buyer_reference").asString()).isEqualTo("04011000-12345-67");
        assertThat(invoice.at("/payment_terms/net_days").asInt()).isEqualTo(30);
        JsonNode line = invoice.get("lines").get(0);
        assertThat(line.get("name").asString()).isEqualTo("Untersuchungshandschuhe M, 100 St.");
        assertThat(line.get("quantity").asInt()).isEqualTo(40);
        assertThat(line.get("tax_rate").decimalValue()).isEqualByComparingTo("0.19");
        // Amounts as written, at the currency's digits (the test's reader would make 8.90 a double 8.9).
        assertThat(created.body()).contains("\"unit_price\":8.90,\"net\":356.00,\"tax_rate\":0.19,\"tax\":67.64");
        assertThat(invoice.get("issued_by").asString()).isEqualTo("admin");

        JsonNode read = data(admin().get("/api/v1/invoices/" + invoice.get("id").asString()));
        assertThat(read.get("number")).isEqualTo(invoice.get("number"));
        assertThat(read.get("lines")).isEqualTo(invoice.get("lines"));
        JsonNode listed =
                body(admin().get("/api/v1/invoices?order_id=" + orderId)).get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id")).isEqualTo(invoice.get("id"));
        String number = invoice.get("number").asString();
        JsonNode byNumber =
                body(admin().get("/api/v1/invoices?number=" + number)).get("data");
        assertThat(byNumber).hasSize(1);
        assertThat(byNumber.get(0).get("id")).isEqualTo(invoice.get("id"));
        assertThat(body(admin().get("/api/v1/invoices?number=" + number + "&order_id=" + UUID.randomUUID()))
                        .get("data"))
                .isEmpty();
        assertThat(body(admin().get("/api/v1/invoices?number=RE-1999-000001")).get("data"))
                .isEmpty();
        HttpResponse<String> malformed = admin().get("/api/v1/invoices?number=re%202026");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(body(malformed).at("/errors/0/field").asString()).isEqualTo("number");

        // Published once, keyed by the order, as the API shows it.
        InvoiceEvent issued = onlyEventOf(invoice.get("id").asString(), InvoiceEventType.INVOICE_ISSUED);
        assertThat(issued.getInvoiceNumber()).isEqualTo(invoice.get("number").asString());
        assertThat(issued.getOrderId()).isEqualTo(orderId);
        assertThat(issued.getContractId()).isEqualTo(contractId);
        assertThat(issued.getSource()).isEqualTo("b2b");
        assertThat(issued.getTotal()).isEqualByComparingTo("423.64");
        assertThat(issued.getCreditedAmount()).isEqualByComparingTo("0");
        assertThat(issued.getIssuedOn()).isEqualTo(today);
        assertThat(issued.getDueDate()).isEqualTo(today.plusDays(30));
        assertThat(issued.getDiscountDate()).isEqualTo(today.plusDays(10));
        assertThat(issued.getDiscountAmount()).isEqualByComparingTo("8.47");
        assertThat(issued.getActor()).isEqualTo("admin");
        assertThat(issued.getCreditNote()).isNull();
        assertThat(INVOICE_EVENTS.records())
                .filteredOn(record -> record.value() instanceof InvoiceEvent event
                        && event.getInvoiceId()
                                .toString()
                                .equals(invoice.get("id").asString()))
                .extracting(record -> record.key())
                .containsExactly(orderId.toString());
    }

    /** The invoice's one event of that type, once it is published. */
    private static InvoiceEvent onlyEventOf(String invoiceId, InvoiceEventType type) {
        return eventsOf(
                        INVOICE_EVENTS.awaitValues(
                                InvoiceEvent.class,
                                events -> !eventsOf(events, invoiceId, type).isEmpty(),
                                Duration.ofSeconds(20)),
                        invoiceId,
                        type)
                .stream()
                .reduce((one, another) -> {
                    throw new AssertionError("published twice: " + one + " and " + another);
                })
                .orElseThrow();
    }

    private static List<InvoiceEvent> eventsOf(List<InvoiceEvent> events, String invoiceId, InvoiceEventType type) {
        return events.stream()
                .filter(event -> event.getInvoiceId().toString().equals(invoiceId) && event.getType() == type)
                .toList();
    }

    @Test
    void theReadModelKeepsAnOrderOnAccountsTermsAndPaidAmount() {
        UUID orderId = UUID.randomUUID();
        UUID contractId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, contractId, "423.64", "100.00", OrderStatus.PENDING, 1, NET_30_2_IN_10);

        OnAccount account = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> orders.find(orderId), found -> found.isPresent())
                .orElseThrow()
                .onAccount();

        assertThat(account.contractId()).isEqualTo(contractId);
        assertThat(account.buyer().email()).isEqualTo("buchhaltung@praxis-nord.example");
        assertThat(account.paymentTerms().discountPercent()).isEqualByComparingTo("2");
        assertThat(account.lines()).extracting(OnAccount.Line::sku).containsExactly("HANDSCHUH-M-100");
        assertThat(orders.find(orderId).orElseThrow().paidAmount().amount()).isEqualByComparingTo("100.00");
        UUID plain = order("10.00");
        assertThat(Awaitility.await()
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> orders.find(plain), found -> found.isPresent())
                        .orElseThrow()
                        .onAccount())
                .isNull();
    }

    @Test
    void aSecondInvoiceOfAnOrderIsAConflictNamingTheFirst() {
        UUID orderId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, UUID.randomUUID(), "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
        JsonNode first = data(issue(orderId));

        HttpResponse<String> second = issue(orderId);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(body(second).get("invoice_id")).isEqualTo(first.get("id"));
        assertThat(body(second).get("number")).isEqualTo(first.get("number"));
        assertThat(body(admin().get("/api/v1/invoices?order_id=" + orderId)).get("data"))
                .hasSize(1);
    }

    @Test
    void replaysTheStoredInvoiceForTheSameIdempotencyKey() {
        UUID orderId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, UUID.randomUUID(), "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
        String body = "{\"order_id\": \"%s\"}".formatted(orderId);

        HttpResponse<String> first = admin().post("/api/v1/invoices", body, ApiClient.idempotencyKey("inv-" + orderId));
        HttpResponse<String> again = admin().post("/api/v1/invoices", body, ApiClient.idempotencyKey("inv-" + orderId));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void issuesTheInvoiceOnceWhenAnOrderOnAccountIsConfirmed() {
        UUID orderId = UUID.randomUUID();
        UUID contractId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, contractId, "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
        OrderEvent confirmed =
                Feed.orderOnAccount(orderId, contractId, "423.64", "0", OrderStatus.CONFIRMED, 2, NET_30_2_IN_10);

        JsonNode invoice = awaitInvoiceOf(orderId, i -> true);
        assertThat(invoice.get("issued_by").asString()).isEqualTo("system");
        assertThat(invoice.get("status").asString()).isEqualTo("open");

        Feed.redeliver(confirmed);
        Feed.orderOnAccount(orderId, contractId, "423.64", "100.00", OrderStatus.CONFIRMED, 3, NET_30_2_IN_10);

        JsonNode partly = awaitInvoiceOf(
                orderId, i -> "partially_paid".equals(i.get("status").asString()));
        assertThat(partly.get("id")).isEqualTo(invoice.get("id"));
        assertThat(partly.get("outstanding").decimalValue()).isEqualByComparingTo("323.64");
        assertThat(body(admin().get("/api/v1/invoices?order_id=" + orderId)).get("data"))
                .hasSize(1);
        assertThat(issue(orderId).statusCode()).isEqualTo(409);
        // One event, though the confirmation came twice and the order moved again.
        assertThat(onlyEventOf(invoice.get("id").asString(), InvoiceEventType.INVOICE_ISSUED)
                        .getActor())
                .isEqualTo("system");
    }

    @Test
    void aConfirmedOrderNotOnAccountGetsNoInvoice() {
        UUID orderId = order("50.00");
        Feed.order(orderId, "woocommerce", "EUR", "50.00", OrderStatus.CONFIRMED, 2);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> orders.find(orderId),
                        o -> o.isPresent() && "CONFIRMED".equals(o.get().status()));

        HttpResponse<String> refused = issue(orderId);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(body(refused).at("/errors/0/field").asString()).isEqualTo("order_id");
        assertThat(body(admin().get("/api/v1/invoices?order_id=" + orderId)).get("data"))
                .isEmpty();
    }

    @Test
    void anOrderTheHubHasNotSeenIsTemporarilyUnavailable() {
        HttpResponse<String> unseen = issue(UUID.randomUUID());

        assertThat(unseen.statusCode()).isEqualTo(503);
        assertThat(unseen.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void twentyConcurrentIssuesTakeConsecutiveNumbersWithoutGapsOrRepeats() throws Exception {
        List<UUID> orderIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID orderId = UUID.randomUUID();
            Feed.orderOnAccount(orderId, UUID.randomUUID(), "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
            orderIds.add(orderId);
        }
        for (UUID orderId : orderIds) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> orders.find(orderId).isPresent());
        }

        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<HttpResponse<String>>> calls = orderIds.stream()
                    .<Callable<HttpResponse<String>>>map(id -> () -> issue(id))
                    .toList();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
        List<Long> mine = answers.stream().map(a -> sequence(data(a))).sorted().toList();
        assertThat(mine).doesNotHaveDuplicates();
        assertThat(mine.get(19) - mine.get(0)).isEqualTo(19);
        // Every invoice of the year's series, whoever issued it: 1..n, each once.
        List<Long> all = allInvoices().stream()
                .filter(i -> i.get("number")
                        .asString()
                        .startsWith("RE-" + LocalDate.now(BERLIN).getYear()))
                .map(InvoicesIT::sequence)
                .sorted()
                .toList();
        assertThat(all)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, all.size()).boxed().toList());
    }

    @Test
    void creditNotesTakeBackUpToTheTotalAndLeadToCredited() {
        UUID orderId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, UUID.randomUUID(), "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
        String id = data(issue(orderId)).get("id").asString();

        HttpResponse<String> partial = creditNote(id, "100.00", "10 boxes returned damaged");
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        JsonNode afterPartial = data(partial);
        assertThat(afterPartial.get("status").asString()).isEqualTo("open");
        assertThat(afterPartial.get("credited_amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(afterPartial.get("outstanding").decimalValue()).isEqualByComparingTo("323.64");
        assertThat(afterPartial.at("/credit_notes/0/number").asString())
                .matches("GS-" + LocalDate.now(BERLIN).getYear() + "-\\d{6}");
        assertThat(afterPartial.at("/credit_notes/0/reason").asString()).isEqualTo("10 boxes returned damaged");

        HttpResponse<String> tooMuch = creditNote(id, "323.65", "more than is left");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(body(tooMuch).at("/errors/0/field").asString()).isEqualTo("amount");

        JsonNode credited = data(creditNote(id, "323.64", "order withdrawn"));
        assertThat(credited.get("status").asString()).isEqualTo("credited");
        assertThat(credited.get("credit_notes")).hasSize(2);
        assertThat(credited.get("total").decimalValue()).isEqualByComparingTo("423.64");
        assertThat(creditNote(id, "0.01", "nothing left").statusCode()).isEqualTo(422);

        // Each credit note published once, with what is credited so far; the refused ones not at all.
        List<InvoiceEvent> creditNotes = INVOICE_EVENTS.awaitValues(
                InvoiceEvent.class,
                events -> eventsOf(events, id, InvoiceEventType.CREDIT_NOTE_ISSUED)
                                .size()
                        >= 2,
                Duration.ofSeconds(20));
        List<InvoiceEvent> ofThisInvoice = eventsOf(creditNotes, id, InvoiceEventType.CREDIT_NOTE_ISSUED);
        assertThat(ofThisInvoice)
                .extracting(event -> event.getCreditNote().getAmount().toPlainString())
                .containsExactly("100.0000", "323.6400");
        assertThat(ofThisInvoice)
                .extracting(event -> event.getCreditedAmount().toPlainString())
                .containsExactly("100.0000", "423.6400");
        assertThat(ofThisInvoice.get(0).getCreditNote().getNumber())
                .isEqualTo(afterPartial.at("/credit_notes/0/number").asString());
        assertThat(ofThisInvoice.get(0).getCreditNote().getReason()).isEqualTo("10 boxes returned damaged");
        assertThat(onlyEventOf(id, InvoiceEventType.INVOICE_ISSUED).getActor()).isEqualTo("admin");
    }

    @Test
    void paymentsOfTheRestAfterACreditNoteMakeTheInvoicePaid() {
        UUID orderId = UUID.randomUUID();
        UUID contractId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, contractId, "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
        String id = data(issue(orderId)).get("id").asString();
        creditNote(id, "23.64", "price corrected");

        Feed.orderOnAccount(orderId, contractId, "423.64", "400.00", OrderStatus.PAID, 2, NET_30_2_IN_10);

        JsonNode paid =
                awaitInvoiceOf(orderId, i -> "paid".equals(i.get("status").asString()));
        assertThat(paid.get("outstanding").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void withoutADiscountTheInvoiceHasNoDiscountDate() {
        UUID orderId = UUID.randomUUID();
        Feed.orderOnAccount(
                orderId, UUID.randomUUID(), "423.64", "0", OrderStatus.PENDING, 1, new Feed.Terms(14, null, null));

        JsonNode invoice = data(issue(orderId));

        assertThat(invoice.get("due_date").asString())
                .isEqualTo(LocalDate.now(BERLIN).plusDays(14).toString());
        assertThat(invoice.get("discount_date").isNull()).isTrue();
        assertThat(invoice.get("discount_amount").isNull()).isTrue();
    }

    @Test
    void badInputIsAClientErrorNeverAServerError() {
        UUID orderId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, UUID.randomUUID(), "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
        String id = data(issue(orderId)).get("id").asString();

        assertThat(admin().post("/api/v1/invoices", "{}").statusCode()).isEqualTo(422);
        assertThat(admin().post("/api/v1/invoices", "{\"order_id\": \"not-a-uuid\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(admin().post("/api/v1/invoices", "{\"order_id\": ").statusCode())
                .isEqualTo(400);
        assertThat(admin().post("/api/v1/invoices", "[1, 2]").statusCode()).isBetween(400, 499);
        assertThat(creditNote(id, "-5", "negative").statusCode()).isEqualTo(422);
        assertThat(creditNote(id, "0", "zero").statusCode()).isEqualTo(422);
        assertThat(creditNote(id, "1.001", "three digits").statusCode()).isEqualTo(422);
        assertThat(creditNote(id, "1e400", "huge").statusCode()).isEqualTo(422);
        assertThat(creditNote(id, "10.00", " ").statusCode()).isEqualTo(422);
        assertThat(admin().post("/api/v1/invoices/" + id + "/credit-notes", "{\"amount\": \"ten\", \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin().post("/api/v1/invoices/" + id + "/credit-notes", "").statusCode())
                .isBetween(400, 499);
        assertThat(creditNote(UUID.randomUUID().toString(), "1.00", "unknown").statusCode())
                .isEqualTo(404);
        assertThat(admin().get("/api/v1/invoices/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(admin().get("/api/v1/invoices/not-a-uuid").statusCode()).isBetween(400, 499);
        assertThat(admin().get("/api/v1/invoices?order_id=nope").statusCode()).isBetween(400, 499);
        assertThat(admin().get("/api/v1/invoices?limit=0").statusCode()).isEqualTo(400);
        assertThat(admin().get("/api/v1/invoices?cursor=garbage").statusCode()).isEqualTo(400);
        assertThat(data(admin().get("/api/v1/invoices/" + id)).get("credit_notes"))
                .isEmpty();
    }

    @Test
    void aChannelsKeyReadsItsOwnInvoicesAndDocumentsOnlyAndIssuesNothing() {
        UUID orderId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, UUID.randomUUID(), "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
        String id = data(issue(orderId)).get("id").asString();
        String number =
                data(admin().get("/api/v1/invoices/" + id)).get("number").asString();

        HttpResponse<String> own = b2b().get("/api/v1/invoices/" + id);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(data(own).get("number").asString()).isEqualTo(number);
        assertThat(b2b().getBytes("/api/v1/invoices/" + id + "/document").statusCode())
                .isEqualTo(200);
        assertThat(b2b().get("/api/v1/invoices/" + id + "/xrechnung").statusCode())
                .isEqualTo(200);
        assertThat(data(b2b().get("/api/v1/invoices?order_id=" + orderId)))
                .singleElement()
                .satisfies(invoice -> assertThat(invoice.get("id").asString()).isEqualTo(id));
        assertThat(data(b2b().get("/api/v1/invoices?number=" + number))).hasSize(1);

        // Another channel's key: the invoice is not there at all, whichever way it is asked for.
        for (String path : List.of("", "/document", "/xrechnung")) {
            HttpResponse<String> other = woo().get("/api/v1/invoices/" + id + path);
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.body()).doesNotContain(number);
        }
        assertThat(data(woo().get("/api/v1/invoices?order_id=" + orderId))).isEmpty();
        assertThat(data(pos().get("/api/v1/invoices?number=" + number))).isEmpty();
        assertThat(data(pos().get("/api/v1/invoices")))
                .noneSatisfy(invoice -> assertThat(invoice.get("id").asString()).isEqualTo(id));

        // Issuing, crediting and the contract's aging stay the operators'.
        assertThat(b2b().post("/api/v1/invoices", "{\"order_id\": \"%s\"}".formatted(orderId))
                        .statusCode())
                .isEqualTo(403);
        assertThat(b2b().post("/api/v1/invoices/" + id + "/credit-notes", "{\"amount\": 1, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(b2b().get("/api/v1/receivables/aging?contract_id=" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(403);
        assertThat(data(admin().get("/api/v1/invoices/" + id)).get("credit_notes"))
                .isEmpty();
    }

    @Test
    void listsNewestFirstInPages() {
        UUID contractId = UUID.randomUUID();
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID orderId = UUID.randomUUID();
            Feed.orderOnAccount(orderId, contractId, "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
            issued.add(data(issue(orderId)).get("id").asString());
        }

        JsonNode first = body(admin().get("/api/v1/invoices?contract_id=" + contractId + "&limit=2"));
        JsonNode second = body(admin().get("/api/v1/invoices?contract_id=" + contractId + "&limit=2&cursor="
                + first.at("/next_cursor").asString()));

        List<String> listed = new ArrayList<>();
        first.get("data").forEach(i -> listed.add(i.get("id").asString()));
        second.get("data").forEach(i -> listed.add(i.get("id").asString()));
        assertThat(listed).containsExactly(issued.get(2), issued.get(1), issued.get(0));
    }

    @Test
    void theDocumentIsAPdfA3CarryingTheEn16931XmlOfTheInvoice() throws Exception {
        JsonNode invoice = anIssuedInvoice();
        String number = invoice.get("number").asString();

        HttpResponse<byte[]> pdf = eInvoice(invoice, "document", "application/pdf");

        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + number + ".pdf\"");
        EInvoiceValidation.Verdict verdict = EInvoiceValidation.validate(pdf.body(), number + ".pdf");
        assertThat(verdict.valid()).as(verdict.report()).isTrue();
        // veraPDF's verdict on the file: PDF/A-3 (flavour 3u), compliant.
        assertThat(verdict.report()).contains("flavour=3", "isCompliant=true", "urn:cen.eu:en16931:2017");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getDocumentCatalog()
                            .getNames()
                            .getEmbeddedFiles()
                            .getNames())
                    .containsKey("factur-x.xml");
        }
        ZUGFeRDImporter imported = new ZUGFeRDImporter(new ByteArrayInputStream(pdf.body()));
        assertThat(imported.getInvoiceID()).isEqualTo(number);
        assertThat(new BigDecimal(imported.getAmount())).isEqualByComparingTo("423.64");
        assertThat(new BigDecimal(imported.getTaxTotalAmount())).isEqualByComparingTo("67.64");
        assertThat(imported.getDueDate())
                .isEqualTo(
                        LocalDate.parse(invoice.get("due_date").asString()).format(DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(imported.getIBAN()).isEqualTo("DE02120300000000202051");
        org.mustangproject.Invoice read = imported.extractInvoice();
        assertThat(read.getNumber()).isEqualTo(number);
        assertThat(read.getReferenceNumber()).isEqualTo("04011000-12345-67");
        assertThat(read.getPaymentReference()).isEqualTo(number);
        assertThat(new TransactionCalculator(read).getGrandTotal()).isEqualByComparingTo("423.64");
    }

    @Test
    void theXRechnungNamesTheContractsBuyerReference() {
        JsonNode invoice = anIssuedInvoice();
        String number = invoice.get("number").asString();

        HttpResponse<byte[]> xml = eInvoice(invoice, "xrechnung", "application/xml");

        EInvoiceValidation.Verdict verdict = EInvoiceValidation.validate(xml.body(), number + "-xrechnung.xml");
        assertThat(verdict.valid()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("urn:xeinkauf.de:kosit:xrechnung_3.0");
        String text = new String(xml.body(), StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "<ram:BuyerReference>04011000-12345-67</ram:BuyerReference>",
                        "<ram:ID>" + number + "</ram:ID>",
                        "<ram:TypeCode>380</ram:TypeCode>",
                        "<ram:GrandTotalAmount>423.64</ram:GrandTotalAmount>",
                        "#SKONTO#TAGE=10#PROZENT=2.00#");
    }

    @Test
    void documentsOfAnUnknownInvoiceAreNotFoundAndBadIdsAClientError() {
        for (String document : List.of("document", "xrechnung")) {
            HttpResponse<String> unknown = admin().get("/api/v1/invoices/" + UUID.randomUUID() + "/" + document);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(admin().get("/api/v1/invoices/not-a-uuid/" + document).statusCode())
                    .isBetween(400, 499);
            assertThat(woo().get("/api/v1/invoices/" + UUID.randomUUID() + "/" + document)
                            .statusCode())
                    .isEqualTo(404);
            // A PDF reader asks for the document's own type; a refusal is still the problem, not a 500.
            for (String accept : List.of("application/pdf", "application/xml", "*/*")) {
                assertThat(admin().send(
                                        "GET",
                                        "/api/v1/invoices/" + UUID.randomUUID() + "/" + document,
                                        new byte[0],
                                        Map.of("Accept", accept))
                                .statusCode())
                        .as(accept)
                        .isEqualTo(404);
            }
        }
    }

    /** An invoice of a b2b order on account (423.64 EUR, net 30 or 2 % within 10 days), issued through the API. */
    private JsonNode anIssuedInvoice() {
        UUID orderId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, UUID.randomUUID(), "423.64", "0", OrderStatus.PENDING, 1, NET_30_2_IN_10);
        return data(issue(orderId));
    }

    /** One of the invoice's e-invoices, answered 200 with its content type. */
    private HttpResponse<byte[]> eInvoice(JsonNode invoice, String document, String contentType) {
        HttpResponse<byte[]> answer =
                admin().getBytes("/api/v1/invoices/" + invoice.get("id").asString() + "/" + document);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(contentType);
        return answer;
    }

    private HttpResponse<String> issue(UUID orderId) {
        return admin().post("/api/v1/invoices", "{\"order_id\": \"%s\"}".formatted(orderId));
    }

    private HttpResponse<String> creditNote(String invoiceId, String amount, String reason) {
        return admin().post(
                        "/api/v1/invoices/" + invoiceId + "/credit-notes",
                        "{\"amount\": %s, \"reason\": \"%s\"}".formatted(amount, reason));
    }

    private JsonNode awaitInvoiceOf(UUID orderId, java.util.function.Predicate<JsonNode> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> body(admin().get("/api/v1/invoices?order_id=" + orderId))
                                .get("data")
                                .path(0),
                        i -> !i.isMissingNode() && condition.test(i));
    }

    private List<JsonNode> allInvoices() {
        List<JsonNode> all = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page =
                    body(admin().get("/api/v1/invoices?limit=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)));
            page.get("data").forEach(all::add);
            JsonNode next = page.at("/next_cursor");
            cursor = next.isMissingNode() || next.isNull() ? "" : next.asString();
        } while (!cursor.isEmpty());
        return all;
    }

    private static long sequence(JsonNode invoice) {
        String number = invoice.get("number").asString();
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }
}
