package io.orderhub.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.orderhub.harness.FullPlatform.B2B_CALLBACK_SECRET;
import static io.orderhub.harness.FullPlatform.B2B_KEY;
import static io.orderhub.harness.FullPlatform.BTCPAY_STORE;
import static io.orderhub.harness.FullPlatform.BTCPAY_WEBHOOK_SECRET;
import static io.orderhub.harness.FullPlatform.POS_CALLBACK_SECRET;
import static io.orderhub.harness.FullPlatform.POS_KEY;
import static io.orderhub.harness.FullPlatform.SHOP_CALLBACK_SECRET;
import static io.orderhub.harness.FullPlatform.SHOP_KEY;
import static io.orderhub.harness.FullPlatform.STRIPE_WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhub.harness.FullPlatform;
import io.orderhub.harness.StripeEvents;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.WooCommercePlugin;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform as bin/orderhub-local runs it — four services and the edge as separate processes
 * on one real Kafka broker and PostgreSQL — driven over HTTP only, as the channels and providers drive
 * it: Stripe, BTCPay and the channels' callback receivers are real HTTP servers speaking their
 * protocols.
 */
class PlatformFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FullPlatform running;
    private static Platform platform;
    private static WireMockServer stripe;
    private static WireMockServer btcpay;
    private static WireMockServer receivers;
    private static Path logs;

    @BeforeAll
    static void startThePlatform() {
        running = FullPlatform.start("platform-flow");
        platform = running.platform();
        stripe = running.stripe();
        btcpay = running.btcpay();
        receivers = running.receivers();
        logs = running.logs();
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aWooCommerceOrderPaidWithStripeIsCalledBackToThePluginSignedAndInOneTrace() throws Exception {
        ApiClient shop = ApiClient.of(platform.origin(), SHOP_KEY);
        String sourceOrderId = Long.toString(System.nanoTime());

        // 1. The plugin posts the order as it always did and reads data.id.
        String orderId = wooOrder(shop, sourceOrderId, "1700000000");

        // 2. It asks for a Stripe payment: Stripe creates a PaymentIntent.
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        stripeCreates(orderId, intent);
        HttpResponse<String> payment = shop.post(
                "/api/v1/payments", """
                {"order_id": "%s", "provider": "stripe", "currency": "EUR"}""".formatted(orderId), ApiClient.idempotencyKey("wc_pay_" + sourceOrderId));
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(201);
        JsonNode paymentData = JSON.readTree(payment.body()).path("data");
        String paymentId = paymentData.path("id").asText();
        assertThat(paymentData.path("next_action").path("type").asText()).isEqualTo("stripe_client_secret");
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("amount=4749"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("currency=eur")));

        // 3. Stripe reports the success through its signed webhook, carrying a trace of its own.
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String event = StripeEvents.event(
                StripeEvents.eventId(),
                "payment_intent.succeeded",
                StripeEvents.paymentIntent(intent, "succeeded", orderId, paymentId));
        HttpResponse<String> webhook = ApiClient.of(platform.origin(), null)
                .send(
                        "POST",
                        "/api/v1/webhooks/stripe",
                        event.getBytes(StandardCharsets.UTF_8),
                        traced(StripeEvents.headers(STRIPE_WEBHOOK_SECRET, event), traceId));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

        // 4. The payment succeeds, the order is paid, the plugin receives a signed callback.
        await().atMost(Duration.ofSeconds(90)).until(() -> status(shop, "/api/v1/orders/" + orderId), "paid"::equals);
        assertThat(status(shop, "/api/v1/payments/" + paymentId)).isEqualTo("succeeded");
        LoggedRequest callback = awaitCallback("/wp-json/order-hub/v1/callback", orderId, "paid");
        assertHubSignature(callback, SHOP_CALLBACK_SECRET);
        assertStandardWebhooksSignature(callback, SHOP_CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(callback.getBody());
        assertThat(body.path("source_order_id").asText()).isEqualTo(sourceOrderId);
        assertThat(body.path("paid_amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(body.path("payment").path("payment_id").asText()).isEqualTo(paymentId);
        assertThat(body.path("payment").path("status").asText()).isEqualTo("succeeded");

        // 5. One chain of causes is one trace: webhook → payment → order → callback, in JSON log lines that
        // name the payment and the order.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(logEntries(Service.PAYMENT_SERVICE, traceId))
                    .anySatisfy(entry ->
                            assertThat(entry.path("payment_id").asText()).isEqualTo(paymentId))
                    .allSatisfy(
                            entry -> assertThat(entry.path("order_id").asText()).isIn(orderId, ""));
            assertThat(logEntries(Service.ORDER_SERVICE, traceId))
                    .anySatisfy(
                            entry -> assertThat(entry.path("order_id").asText()).isEqualTo(orderId));
            assertThat(logEntries(Service.CALLBACK_DISPATCHER, traceId)).anySatisfy(entry -> {
                assertThat(entry.path("message").asText()).contains("delivered");
                assertThat(entry.path("order_id").asText()).isEqualTo(orderId);
            });
        });
        // 6. The operators' metrics of this flow: transitions by status, verify results, deliveries by outcome,
        // outbox lag and backlog, Kafka consumer lag.
        Map<Service, List<String>> flowMetrics = Map.of(
                Service.WEBHOOK_GATEWAY,
                List.of(
                        "orderhub_webhooks_verified_total{",
                        "orderhub_webhooks_published_total{",
                        "orderhub_webhooks_publish_latency_seconds"),
                Service.PAYMENT_SERVICE,
                List.of(
                        "orderhub_payments_changes_total{",
                        "status=\"succeeded\"",
                        "orderhub_outbox_lag_seconds",
                        "kafka_consumer_fetch_manager_records_lag"),
                Service.ORDER_SERVICE,
                List.of(
                        "orderhub_orders_changes_total{",
                        "status=\"paid\"",
                        "orderhub_outbox_lag_seconds",
                        "orderhub_outbox_backlog",
                        "kafka_consumer_fetch_manager_records_lag"),
                Service.CALLBACK_DISPATCHER,
                List.of("orderhub_callbacks_outcomes_total{", "outcome=\"delivered\""));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> flowMetrics.forEach((service, metrics) -> {
                    String scrape = ApiClient.of(platform.url(service), null)
                            .get("/actuator/prometheus")
                            .body();
                    metrics.forEach(metric ->
                            assertThat(scrape).as(service.serviceName()).contains(metric));
                }));

        // Nothing secret reaches the logs: not the webhook secret, not the API key, not the raw webhook body.
        for (Service service : running.platform().services()) {
            assertThat(Files.readString(logs.resolve(service.serviceName() + ".log")))
                    .as(service.serviceName())
                    .doesNotContain(STRIPE_WEBHOOK_SECRET)
                    .doesNotContain(SHOP_KEY)
                    .doesNotContain(SHOP_CALLBACK_SECRET)
                    .doesNotContain("_secret_e2e");
        }
    }

    @Test
    void aB2bOrderPaidWithBtcpayIsCalledBackToThePartner() throws Exception {
        ApiClient b2b = ApiClient.of(platform.origin(), B2B_KEY);
        String sourceOrderId = "PO-" + System.nanoTime();
        HttpResponse<String> created = b2b.post("/api/v1/orders", """
                {"source": "b2b", "source_order_id": "%s", "customer": {"email": "buyer@partner.example", "name": "Partner GmbH"},
                 "currency": "EUR", "grand_total": 47.49,
                 "items": [{"name": "Pallet of books", "quantity": 1, "price": 47.49}]}""".formatted(sourceOrderId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId = JSON.readTree(created.body()).path("data").path("id").asText();

        String invoice = "inv" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        btcpay.stubFor(post(urlPathEqualTo("/api/v1/stores/" + BTCPAY_STORE + "/invoices"))
                .withHeader("Authorization", equalTo("token btcpay-e2e-api-key"))
                .withRequestBody(matchingJsonPath("$.metadata.orderhub_order_id", equalTo(orderId)))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(invoice(invoice, "New", orderId))));
        HttpResponse<String> payment = b2b.post("/api/v1/payments", """
                {"order_id": "%s", "provider": "btcpay", "currency": "EUR", "return_url": "https://partner.example/done"}""".formatted(orderId));
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(201);
        JsonNode paymentData = JSON.readTree(payment.body()).path("data");
        String paymentId = paymentData.path("id").asText();
        assertThat(paymentData.path("next_action").path("url").asText()).isEqualTo("https://btcpay.test/i/" + invoice);

        btcpay.stubFor(get(urlPathEqualTo("/api/v1/stores/" + BTCPAY_STORE + "/invoices/" + invoice))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(invoice(invoice, "Settled", orderId))));
        String delivery = "del-" + UUID.randomUUID();
        String settled = """
                {
                  "deliveryId": "%s",
                  "webhookId": "wh-e2e",
                  "originalDeliveryId": "%s",
                  "isRedelivery": false,
                  "type": "InvoiceSettled",
                  "timestamp": 1700000000,
                  "storeId": "%s",
                  "invoiceId": "%s",
                  "metadata": {"orderhub_payment_id": "%s", "orderhub_order_id": "%s"},
                  "manuallyMarked": false,
                  "overPaid": false
                }
                """.formatted(delivery, delivery, BTCPAY_STORE, invoice, paymentId, orderId);
        HttpResponse<String> webhook = ApiClient.of(platform.origin(), null)
                .send(
                        "POST",
                        "/api/v1/webhooks/btcpay",
                        settled.getBytes(StandardCharsets.UTF_8),
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "BTCPay-Sig",
                                "sha256="
                                        + HexFormat.of()
                                                .formatHex(StripeEvents.hmac(
                                                        BTCPAY_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                                                        settled.getBytes(StandardCharsets.UTF_8)))));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).until(() -> status(b2b, "/api/v1/orders/" + orderId), "paid"::equals);
        LoggedRequest callback = awaitCallback("/b2b/order-hub", orderId, "paid");
        assertHubSignature(callback, B2B_CALLBACK_SECRET);
        assertThat(JSON.readTree(callback.getBody())
                        .path("payment")
                        .path("provider")
                        .asText())
                .isEqualTo("btcpay");
    }

    /** docs/b2b.md: an operator's contract, and the partner's orders on account within its credit limit. */
    @Test
    void aB2bPartnerBuysOnAccountThroughTheEdgeUpToItsContractsCreditLimit() throws Exception {
        ApiClient admin = ApiClient.of(platform.origin(), FullPlatform.ADMIN_KEY);
        ApiClient b2b = ApiClient.of(platform.origin(), B2B_KEY);
        HttpResponse<String> contract = admin.post("/api/v1/contracts", contract("1000.00"));
        assertThat(contract.statusCode()).as(contract.body()).isEqualTo(201);
        String contractId =
                JSON.readTree(contract.body()).path("data").path("id").asText();
        assertThat(b2b.get("/api/v1/contracts/" + contractId).statusCode()).isEqualTo(403);

        HttpResponse<String> placed = b2b.post("/api/v1/orders", onAccount(contractId, "600.00"));
        HttpResponse<String> refused = b2b.post("/api/v1/orders", onAccount(contractId, "500.00"));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(JSON.readTree(placed.body())
                        .path("data")
                        .path("payment_method")
                        .asText())
                .isEqualTo("invoice");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asText()).endsWith("/credit-limit-exceeded");
        assertThat(problem.path("open_receivables").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(problem.path("credit_limit").decimalValue()).isEqualByComparingTo("1000.00");

        HttpResponse<String> raised = admin.send(
                "PATCH",
                "/api/v1/contracts/" + contractId,
                "{\"credit_limit\": {\"amount\": 2000.00, \"currency\": \"EUR\"}}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        HttpResponse<String> afterRaise = b2b.post("/api/v1/orders", onAccount(contractId, "500.00"));

        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
        assertThat(afterRaise.statusCode()).as(afterRaise.body()).isEqualTo(201);
        assertThat(JSON.readTree(afterRaise.body())
                        .path("data")
                        .path("contract_version")
                        .asLong())
                .isEqualTo(2);
    }

    /**
     * Issue 21's flow through the edge: a contract with an early-payment discount, an order on account invoiced on
     * its confirmation, its e-invoices, the bank's camt.053 paying the invoice less the discount (twice: the second
     * changes nothing), the order paid once payment and credit note are counted, the partner's paid callback, and a
     * dunning run that reminds nothing paid.
     */
    @Test
    void aB2bOrderOnAccountIsInvoicedPaidByBankTransferWithTheDiscountAndCalledBack() throws Exception {
        ApiClient admin = ApiClient.of(platform.origin(), FullPlatform.ADMIN_KEY);
        ApiClient b2b = ApiClient.of(platform.origin(), B2B_KEY);
        HttpResponse<String> contract = admin.post("/api/v1/contracts", contract("5000.00"));
        assertThat(contract.statusCode()).as(contract.body()).isEqualTo(201);
        String contractId =
                JSON.readTree(contract.body()).path("data").path("id").asText();
        HttpResponse<String> placed = b2b.post("/api/v1/orders", """
                {"source": "b2b", "source_order_id": "PO-%s", "currency": "EUR",
                 "contract_id": "%s", "payment_method": "invoice",
                 "items": [{"sku": "HANDSCHUH-M-100", "name": "Untersuchungshandschuhe M, 100 St.", "quantity": 40,
                            "unit_price": 8.90, "price": 356.00, "tax": 67.64, "tax_rate": 0.19}]}""".formatted(System.nanoTime(), contractId));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = JSON.readTree(placed.body()).path("data").path("id").asText();

        HttpResponse<String> confirmed =
                b2b.post("/api/v1/orders/" + orderId + "/transitions", "{\"status\": \"confirmed\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode invoice = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> JSON.readTree(admin.get("/api/v1/invoices?order_id=" + orderId)
                                        .body())
                                .path("data")
                                .path(0),
                        found -> !found.isMissingNode());
        String invoiceId = invoice.path("id").asText();
        String number = invoice.path("number").asText();
        assertThat(number).matches("RE-\\d{4}-\\d{6}");
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("423.64");
        assertThat(invoice.path("discount_amount").decimalValue()).isEqualByComparingTo("8.47");
        assertThat(invoice.path("status").asText()).isEqualTo("open");

        HttpResponse<byte[]> document = admin.getBytes("/api/v1/invoices/" + invoiceId + "/document");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(document.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<String> xrechnung = admin.get("/api/v1/invoices/" + invoiceId + "/xrechnung");
        assertThat(xrechnung.statusCode()).isEqualTo(200);
        assertThat(xrechnung.body()).contains(number).contains("04011000-12345-67");
        // The partner's signed invoice callback links the document at the edge, fetchable with its own key.
        LoggedRequest invoiced = awaitInvoiceCallback("/b2b/order-hub", invoiceId, "invoice.issued");
        assertHubSignature(invoiced, B2B_CALLBACK_SECRET);
        JsonNode invoicedBody = JSON.readTree(invoiced.getBody());
        assertThat(invoicedBody.path("invoice_number").asText()).isEqualTo(number);
        assertThat(invoicedBody.path("order_id").asText()).isEqualTo(orderId);
        String documentPath = "/api/v1/invoices/" + invoiceId + "/document";
        assertThat(invoicedBody.path("document_url").asText()).isEqualTo(platform.origin() + documentPath);
        HttpResponse<byte[]> linked = b2b.getBytes(documentPath);
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(linked.headers().firstValue("Content-Type")).hasValue("application/pdf");

        String statement = camt053("STMT-" + System.nanoTime(), "415.17", number);
        Map<String, String> xml = Map.of("Content-Type", "application/xml");
        HttpResponse<String> imported =
                admin.send("POST", "/api/v1/bank-statements", statement.getBytes(StandardCharsets.UTF_8), xml);
        HttpResponse<String> again =
                admin.send("POST", "/api/v1/bank-statements", statement.getBytes(StandardCharsets.UTF_8), xml);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode line =
                JSON.readTree(imported.body()).path("data").path("lines").path(0);
        assertThat(line.path("outcome").asText()).isEqualTo("matched");
        assertThat(line.path("matched_by").asText()).isEqualTo("number");
        assertThat(line.path("invoice_id").asText()).isEqualTo(invoiceId);
        assertThat(line.path("discount").decimalValue()).isEqualByComparingTo("8.47");
        assertThat(line.path("invoice_status").asText()).isEqualTo("paid");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode second = JSON.readTree(again.body()).path("data");
        assertThat(second.path("already_applied").asInt()).isEqualTo(1);
        assertThat(second.path("lines").path(0).path("payment_id").asText())
                .isEqualTo(line.path("payment_id").asText());

        await().atMost(Duration.ofSeconds(90)).until(() -> status(b2b, "/api/v1/orders/" + orderId), "paid"::equals);
        JsonNode order =
                JSON.readTree(b2b.get("/api/v1/orders/" + orderId).body()).path("data");
        assertThat(order.path("paid_amount").decimalValue()).isEqualByComparingTo("415.17");
        assertThat(order.path("credited_amount").decimalValue()).isEqualByComparingTo("8.47");
        assertThat(order.path("payments")).hasSize(1);
        assertThat(order.path("payments").path(0).path("provider").asText()).isEqualTo("bank_transfer");
        LoggedRequest callback = awaitCallback("/b2b/order-hub", orderId, "paid");
        assertHubSignature(callback, B2B_CALLBACK_SECRET);
        JsonNode discount =
                JSON.readTree(awaitInvoiceCallback("/b2b/order-hub", invoiceId, "invoice.credit_note_issued")
                        .getBody());
        assertThat(discount.path("credit_note").path("amount").decimalValue()).isEqualByComparingTo("8.47");
        JsonNode aging = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> JSON.readTree(admin.get("/api/v1/receivables/aging?contract_id=" + contractId)
                                        .body())
                                .path("data"),
                        data -> data.path("open_invoices").asInt(-1) == 0);
        assertThat(aging.path("currencies")).isEmpty();

        // The dunning run an operator starts through the edge reminds nothing paid; a partner may not start one.
        HttpResponse<String> dunning = admin.post("/api/v1/invoices/dunning-runs", "");
        assertThat(dunning.statusCode()).as(dunning.body()).isEqualTo(200);
        assertThat(JSON.readTree(dunning.body())
                        .path("data")
                        .path("reminders_issued")
                        .asInt(-1))
                .isZero();
        assertThat(b2b.post("/api/v1/invoices/dunning-runs", "").statusCode()).isEqualTo(403);
    }

    /** The bank's day statement with one booked credit of the amount, the invoice number as remittance. */
    private static String camt053(String messageId, String amount, String remittance) {
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT18:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-1</Id>
                      <CreDtTm>%2$sT18:00:00+01:00</CreDtTm>
                      <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Ntry>
                        <Amt Ccy="EUR">%3$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <AcctSvcrRef>%1$s-REF</AcctSvcrRef>
                        <NtryDtls><TxDtls>
                          <AmtDtls><TxAmt><Amt Ccy="EUR">%3$s</Amt></TxAmt></AmtDtls>
                          <RltdPties>
                            <Dbtr><Nm>Praxis Nord GmbH</Nm></Dbtr>
                            <DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
                          </RltdPties>
                          <RmtInf><Ustrd>%4$s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(messageId, today, amount, remittance);
    }

    /** docs/b2b.md's example contract of channel {@code b2b} (30 days net, 2 % in 10 days) with that limit in EUR. */
    private static String contract(String creditLimit) {
        return """
                {"channel": "b2b",
                 "customer": {"company": "Praxis Nord GmbH", "vat_id": "DE123456789",
                   "email": "buchhaltung@praxis-nord.example",
                   "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg", "country": "DE"},
                   "buyer_reference": "04011000-12345-67"},
                 "payment_terms": {"net_days": 30, "discount_percent": 2, "discount_days": 10},
                 "credit_limit": {"amount": %s, "currency": "EUR"}}""".formatted(creditLimit);
    }

    private static String onAccount(String contractId, String total) {
        return """
                {"source": "b2b", "source_order_id": "PO-%s", "currency": "EUR",
                 "contract_id": "%s", "payment_method": "invoice",
                 "items": [{"name": "Untersuchungshandschuhe", "quantity": 1, "price": %s}]}""".formatted(System.nanoTime(), contractId, total);
    }

    @Test
    void aManualPosPaymentPaysTheOrderAndIsCalledBackToTheTerminal() throws Exception {
        ApiClient pos = ApiClient.of(platform.origin(), POS_KEY);
        String sourceOrderId = "till-7-" + System.nanoTime();
        HttpResponse<String> created = pos.post("/api/v1/orders", """
                {"source": "pos", "source_order_id": "%s", "currency": "EUR",
                 "items": [{"name": "Coffee", "quantity": 2, "unit_price": 3.20, "tax_rate": 0.07}]}""".formatted(sourceOrderId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = JSON.readTree(created.body()).path("data");
        String orderId = order.path("id").asText();

        HttpResponse<String> payment = pos.post("/api/v1/payments", """
                {"order_id": "%s", "provider": "manual", "currency": "EUR"}""".formatted(orderId));
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(201);
        assertThat(JSON.readTree(payment.body()).path("data").path("status").asText())
                .isEqualTo("succeeded");

        await().atMost(Duration.ofSeconds(90)).until(() -> status(pos, "/api/v1/orders/" + orderId), "paid"::equals);
        LoggedRequest callback = awaitCallback("/pos/callbacks", orderId, "paid");
        byte[] key = Base64.getDecoder().decode(POS_CALLBACK_SECRET.substring("whsec_".length()));
        assertStandardWebhooksSignature(callback, key);
        assertThat(JSON.readTree(callback.getBody()).path("paid_amount").decimalValue())
                .isEqualByComparingTo(order.path("grand_total").decimalValue());
    }

    /**
     * Failed authentication is throttled per client through the edge: the edge forwards the client's address
     * (every test client is 127.0.0.1, so each one names itself in X-Forwarded-For, as an ingress would).
     */
    @Test
    void throttlesFailedAuthenticationPerClientThroughTheEdge() {
        ApiClient guessing = ApiClient.of(platform.origin(), "guessed-key-0000000000000");
        String path = "/api/v1/orders/" + UUID.randomUUID();
        Map<String, String> flooding = Map.of("X-Forwarded-For", "203.0.113.50");
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(guessing.send("GET", path, new byte[0], flooding).statusCode());
        }

        assertThat(answers).startsWith(401).contains(429).doesNotContain(200, 500);
        assertThat(guessing.send("GET", path, new byte[0], Map.of("X-Forwarded-For", "198.51.100.60"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void exposesTheOperationalMetricsOnEveryService() {
        Map<Service, List<String>> expected = Map.of(
                Service.ORDER_SERVICE,
                        List.of("http_server_requests_seconds", "orderhub_outbox_backlog", "kafka_consumer"),
                Service.PAYMENT_SERVICE,
                        List.of("http_server_requests_seconds", "orderhub_outbox_backlog", "kafka_consumer"),
                Service.WEBHOOK_GATEWAY, List.of("orderhub_webhooks_received", "kafka_producer"),
                Service.CALLBACK_DISPATCHER, List.of("orderhub_outbox_backlog", "kafka_consumer"));
        expected.forEach((service, metrics) -> {
            HttpResponse<String> scrape =
                    ApiClient.of(platform.url(service), null).get("/actuator/prometheus");
            assertThat(scrape.statusCode()).as(service.serviceName()).isEqualTo(200);
            metrics.forEach(metric ->
                    assertThat(scrape.body()).as(service.serviceName()).contains(metric));
        });
    }

    /**
     * Every operation each service describes, through the edge, with a key per scope and the path spelled
     * every way a client could: only the scope the operation needs gets past authorization, a
     * percent-encoded letter changes nothing, and path parameters, empty and dot segments are refused.
     * The scope an operation needs is the contract's rule — {@code <resource>:read} for GET,
     * {@code <resource>:write} otherwise — not read from the code under test.
     */
    @Test
    void everyOperationAdmitsOnlyItsScopeOnEverySpellingOfItsPath() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Service service : List.of(
                Service.ORDER_SERVICE, Service.PAYMENT_SERVICE, Service.CALLBACK_DISPATCHER, Service.WEBHOOK_GATEWAY)) {
            JsonNode paths = JSON.readTree(ApiClient.of(platform.url(service), null)
                            .get("/v3/api-docs")
                            .body())
                    .path("paths");
            for (Map.Entry<String, JsonNode> path : iterable(paths.fields())) {
                for (String method : iterable(path.getValue().fieldNames())) {
                    if (!List.of("get", "post", "put", "patch", "delete").contains(method)
                            || !path.getKey().startsWith("/api/v1/")) {
                        continue; // the contract's API; /health and the like are not behind a key
                    }
                    String concrete = path.getKey()
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    assertAuthorizationMatrix(method.toUpperCase(), concrete);
                    checked.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(checked)
                .contains(
                        "POST /api/v1/orders",
                        "POST /api/v1/payments/{id}/refunds",
                        "POST /api/v1/callbacks/deliveries/{id}/replay",
                        "POST /api/v1/webhooks/stripe");
    }

    private static void assertAuthorizationMatrix(String method, String path) {
        String needed = scopeTheContractRequires(method, path);
        String encoded = path.replaceFirst("/api/v1/(.)", "/api/v1/%" + Integer.toHexString(path.charAt(8)));
        for (Map.Entry<String, String> key : FullPlatform.SCOPE_KEYS.entrySet()) {
            ApiClient client = ApiClient.of(platform.origin(), key.getValue());
            for (String spelling : List.of(path, encoded)) {
                HttpResponse<String> answer = send(client, method, spelling);
                String what = method + " " + spelling + " with " + key.getKey() + ": " + answer.body();
                assertThat(answer.statusCode()).as(what).isLessThan(500);
                if (needed == null) {
                    continue;
                }
                assertThat(answer.statusCode()).as(what).isNotEqualTo(401);
                if (!needed.equals(key.getKey())) {
                    assertThat(answer.statusCode()).as(what).isEqualTo(403);
                    assertThat(answer.body()).as(what).contains("insufficient-scope");
                } else {
                    assertThat(answer.body()).as(what).doesNotContain("insufficient-scope");
                }
            }
            int slash = path.indexOf('/', "/api/v1/".length());
            String head = slash < 0 ? path : path.substring(0, slash);
            String tail = slash < 0 ? "" : path.substring(slash);
            for (String ambiguous : List.of(
                    head + ";x=1" + tail,
                    path + ";x=1",
                    head + "/." + (tail.isEmpty() ? "/" : tail),
                    "/api/v1//" + path.substring(8))) {
                HttpResponse<String> answer = send(client, method, ambiguous);
                assertThat(answer.statusCode())
                        .as(method + " " + ambiguous + ": " + answer.body())
                        .isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .as(method + " " + ambiguous)
                        .startsWith("application/problem+json");
            }
            HttpResponse<String> trailing = send(client, method, path + "/");
            assertThat(trailing.statusCode())
                    .as(method + " " + path + "/: " + trailing.body())
                    .isIn(400, 404);
        }
    }

    private static String scopeTheContractRequires(String method, String path) {
        String resource = path.split("/")[3];
        if (!List.of("orders", "payments", "callbacks").contains(resource)) {
            return null;
        }
        return resource + (method.equals("GET") ? ":read" : ":write");
    }

    private static HttpResponse<String> send(ApiClient client, String method, String path) {
        byte[] body = method.equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
        return client.send(method, path, body, Map.of("Content-Type", "application/json"));
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }

    @Test
    void aReconciliationRunThroughTheEdgeNamesAStripePaymentMadeWithoutTheHubAndAppliesOneWhoseWebhookNeverCame()
            throws Exception {
        // A window of its own: from the next whole second, so that no other test's payment falls into it.
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().pollInterval(Duration.ofMillis(20)).until(() -> !Instant.now().isBefore(from));
        ApiClient shop = ApiClient.of(platform.origin(), SHOP_KEY);
        ApiClient admin = ApiClient.of(platform.origin(), FullPlatform.ADMIN_KEY);
        String sourceOrderId = Long.toString(System.nanoTime());
        String orderId = wooOrder(shop, sourceOrderId, "1700000002");
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        stripeCreates(orderId, intent);
        HttpResponse<String> payment = shop.post(
                "/api/v1/payments",
                "{\"order_id\": \"%s\", \"provider\": \"stripe\", \"currency\": \"EUR\"}".formatted(orderId),
                ApiClient.idempotencyKey("wc_pay_" + sourceOrderId));
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(201);
        String paymentId = JSON.readTree(payment.body()).path("data").path("id").asText();
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);

        // The customer paid, but Stripe's webhook never arrived; someone also charged a card in Stripe's Dashboard.
        String dashboard = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String succeeded = StripeEvents.paymentIntent(intent, "succeeded", orderId, paymentId);
        String withoutHub = """
                {"id": "%s", "object": "payment_intent", "amount": 2500, "currency": "eur", "status": "succeeded",
                 "created": %d, "livemode": false, "metadata": {}}""".formatted(dashboard, from.getEpochSecond());
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents"))
                .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))
                .withQueryParam("created[lt]", equalTo(String.valueOf(to.getEpochSecond())))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"object\": \"list\", \"url\": \"/v1/payment_intents\", \"has_more\": false,"
                                + " \"data\": [" + withoutHub + ", " + succeeded + "]}")));
        stripe.stubFor(
                get(urlPathEqualTo("/v1/refunds"))
                        .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"object\": \"list\", \"url\": \"/v1/refunds\", \"has_more\": false, \"data\": []}")));

        HttpResponse<String> started = admin.post(
                "/api/v1/reconciliation/runs",
                "{\"provider\": \"stripe\", \"from\": \"%s\", \"to\": \"%s\"}".formatted(from, to));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = JSON.readTree(started.body()).path("data").path("id").asText();
        assertThat(shop.get("/api/v1/reconciliation/runs/" + runId).statusCode())
                .as("a channel key may not read runs")
                .isEqualTo(403);
        JsonNode run = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> JSON.readTree(admin.get("/api/v1/reconciliation/runs/" + runId)
                                        .body())
                                .path("data"),
                        data -> !data.path("status").asText().equals("running"));

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("completed");
        Map<String, JsonNode> byReference = new java.util.HashMap<>();
        run.path("mismatches")
                .forEach(m -> byReference.put(m.path("provider_reference").asText(), m));
        assertThat(byReference.get(dashboard).path("kind").asText()).isEqualTo("missing_in_hub");
        assertThat(byReference.get(dashboard).path("resolution").asText()).isEqualTo("reported");
        assertThat(byReference.get(intent).path("kind").asText()).isEqualTo("status_differs");
        assertThat(byReference.get(intent).path("payment_id").asText()).isEqualTo(paymentId);
        assertThat(byReference.get(intent).path("resolution").asText()).isEqualTo("applied");
        HttpResponse<String> csv = admin.get("/api/v1/reconciliation/runs/" + runId + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines())
                .anySatisfy(line -> assertThat(line).contains(dashboard).contains("missing_in_hub"))
                .anySatisfy(line -> assertThat(line)
                        .contains(intent)
                        .contains("status_differs")
                        .contains("applied"));
        JsonNode paid =
                JSON.readTree(shop.get("/api/v1/payments/" + paymentId).body()).path("data");
        assertThat(paid.path("status").asText()).isEqualTo("succeeded");
        JsonNode history = JSON.readTree(
                        shop.get("/api/v1/payments/" + paymentId + "/history").body())
                .path("data");
        assertThat(history.findValuesAsText("reason")).containsOnlyOnce("reconciliation");
        // The order learns of the money as it would have from the webhook.
        await().atMost(Duration.ofSeconds(90)).until(() -> status(shop, "/api/v1/orders/" + orderId), "paid"::equals);
    }

    // --- the channels' side -----------------------------------------------------------------------

    /** A WooCommerce order posted through the edge as the plugin posts it; answers its id. */
    private static String wooOrder(ApiClient shop, String sourceOrderId, String timestamp) throws Exception {
        HttpResponse<String> created = shop.post(
                "/api/v1/orders",
                WooCommercePlugin.orderPayload(sourceOrderId),
                ApiClient.idempotencyKey("wc_" + sourceOrderId + "_" + timestamp));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("data").path("id").asText();
    }

    /** Stripe creates a PaymentIntent for the order's payment. */
    private static void stripeCreates(String orderId, String intent) {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[orderhub_order_id]", equalTo(orderId))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(StripeEvents.paymentIntent(intent, "requires_payment_method", orderId, null))));
    }

    @Test
    void aTerminalPaymentThroughTheEdgeSucceedsByStripesSignedWebhookAndPaysTheOrder() throws Exception {
        ApiClient shop = ApiClient.of(platform.origin(), SHOP_KEY);
        String sourceOrderId = Long.toString(System.nanoTime());
        String orderId = wooOrder(shop, sourceOrderId, "1700000001");

        // The till's Terminal SDK gets a connection token, then a card-present PaymentIntent for the order.
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        stripe.stubFor(post(urlPathEqualTo("/v1/terminal/connection_tokens"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"object\": \"terminal.connection_token\", \"secret\": \"pst_test_e2e\"}")));
        stripeCreates(orderId, intent);
        HttpResponse<String> token = shop.post("/api/v1/terminal/connection-token", "{}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(JSON.readTree(token.body()).path("data").path("secret").asText())
                .isEqualTo("pst_test_e2e");
        HttpResponse<String> payment = shop.post(
                "/api/v1/terminal/payment-intent",
                "{\"order_id\": \"%s\"}".formatted(orderId),
                ApiClient.idempotencyKey("pos_pay_" + sourceOrderId));
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(201);
        JsonNode paymentData = JSON.readTree(payment.body()).path("data");
        String paymentId = paymentData.path("payment_id").asText();
        assertThat(paymentData.path("payment_intent_id").asText()).isEqualTo(intent);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[orderhub_order_id]", equalTo(orderId))
                .withFormParam("payment_method_types[0]", equalTo("card_present"))
                .withFormParam("amount", equalTo("4749")));

        // The reader collects the card; Stripe reports it through its signed webhook.
        String event = StripeEvents.event(
                StripeEvents.eventId(),
                "payment_intent.succeeded",
                StripeEvents.paymentIntent(intent, "succeeded", orderId, paymentId));
        HttpResponse<String> webhook = running.sendStripeEvent(event);
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).until(() -> status(shop, "/api/v1/orders/" + orderId), "paid"::equals);
        assertThat(status(shop, "/api/v1/terminal/payment/" + paymentId + "/status"))
                .isEqualTo("succeeded");
    }

    /** The headers with a W3C traceparent of the trace, as a traced client sends them. */
    private static Map<String, String> traced(Map<String, String> headers, String traceId) {
        headers.put("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
        return headers;
    }

    private static String status(ApiClient client, String path) throws Exception {
        HttpResponse<String> response = client.get(path);
        return response.statusCode() == 200
                ? JSON.readTree(response.body()).path("data").path("status").asText()
                : null;
    }

    private static LoggedRequest awaitCallback(String path, String orderId, String status) {
        return awaitCallbackWhere(
                path,
                body -> orderId.equals(body.path("order_id").asText())
                        && status.equals(body.path("status").asText()));
    }

    private static LoggedRequest awaitInvoiceCallback(String path, String invoiceId, String type) {
        return awaitCallbackWhere(
                path,
                body -> invoiceId.equals(body.path("invoice_id").asText())
                        && type.equals(body.path("type").asText()));
    }

    private static LoggedRequest awaitCallbackWhere(String path, java.util.function.Predicate<JsonNode> matches) {
        return await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> receivers.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                                .filter(request -> matches.test(readTree(request.getBody())))
                                .findFirst()
                                .orElse(null),
                        request -> request != null);
    }

    /** The hub's own signature: hex HMAC-SHA256 of the body, keyed by the secret's UTF-8 bytes. */
    private static void assertHubSignature(LoggedRequest callback, String secret) {
        assertThat(callback.getHeader("X-Order-Hub-Signature"))
                .isEqualTo(HexFormat.of()
                        .formatHex(StripeEvents.hmac(secret.getBytes(StandardCharsets.UTF_8), callback.getBody())));
    }

    private static void assertStandardWebhooksSignature(LoggedRequest callback, byte[] key) {
        String id = callback.getHeader("webhook-id");
        String timestamp = callback.getHeader("webhook-timestamp");
        byte[] signed = (id + "." + timestamp + "." + new String(callback.getBody(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(callback.getHeader("webhook-signature"))
                .isEqualTo("v1," + Base64.getEncoder().encodeToString(StripeEvents.hmac(key, signed)));
    }

    /** The service's ECS log entries of one trace; every line of the trace must be one JSON object. */
    private static List<JsonNode> logEntries(Service service, String traceId) throws Exception {
        Path log = logs.resolve(service.serviceName() + ".log");
        List<JsonNode> entries = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : lines.filter(line -> line.contains(traceId)).toList()) {
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.has("ecs.version") || entry.path("ecs").has("version"))
                        .as(line)
                        .isTrue();
                entries.add(entry);
            }
        }
        return entries;
    }

    // --- the providers' side ----------------------------------------------------------------------

    private static String invoice(String id, String status, String orderId) {
        return """
                {"id": "%s", "storeId": "%s", "amount": "47.49", "paidAmount": "%s", "currency": "EUR",
                 "type": "Standard", "checkoutLink": "https://btcpay.test/i/%s", "status": "%s",
                 "additionalStatus": "None", "createdTime": 1700000000, "expirationTime": 1700000900,
                 "monitoringExpiration": 1700086400, "archived": false,
                 "metadata": {"orderId": "%s", "orderhub_order_id": "%s"}}""".formatted(id, BTCPAY_STORE, "Settled".equals(status) ? "47.49" : "0", id, status, orderId, orderId);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
