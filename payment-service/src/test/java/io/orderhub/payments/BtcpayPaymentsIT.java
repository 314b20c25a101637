package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhub.events.PaymentEvent;
import io.orderhub.events.ProviderEventType;
import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BtcpayPaymentsIT extends PaymentsTestBase {

    private static final String STORE = "/api/v1/stores/" + Simulators.BTCPAY_STORE;

    @BeforeAll
    static void noInvoicesFoundByDefault() {
        // Before a (re-driven) creation the hub looks for an invoice it may have made already.
        Simulators.BTCPAY.stubFor(get(urlPathEqualTo(STORE + "/invoices"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));
    }

    @Test
    void createsAnInvoiceWithTheAmountAsDecimalStringAndTheHubIdsInItsMetadata() {
        UUID orderId = order("47.49");
        String invoice = invoiceId();
        btcpayCreates(orderId, invoice);

        HttpResponse<String> created = createBtcpayPayment(orderId);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode payment = data(created);
        UUID paymentId = UUID.fromString(payment.path("id").asString());
        assertThat(payment.path("provider_reference").asString()).isEqualTo(invoice);
        assertThat(payment.path("next_action").path("type").asString()).isEqualTo("redirect");
        assertThat(payment.path("next_action").path("url").asString()).isEqualTo("https://btcpay.test/i/" + invoice);
        List<LoggedRequest> calls = Simulators.BTCPAY.findAll(postRequestedFor(urlPathEqualTo(STORE + "/invoices"))
                .withRequestBody(matchingJsonPath("$.metadata.orderhub_order_id", equalTo(orderId.toString()))));
        assertThat(calls).hasSize(1);
        JsonNode sent = JSON.readTree(calls.get(0).getBodyAsString());
        assertThat(sent.path("amount").isString()).isTrue();
        assertThat(sent.path("amount").asString()).isEqualTo("47.49");
        assertThat(sent.path("currency").asString()).isEqualTo("EUR");
        assertThat(sent.path("metadata").path("orderhub_payment_id").asString()).isEqualTo(paymentId.toString());
        assertThat(sent.path("checkout").path("redirectURL").asString()).isEqualTo("https://shop.test/thanks");
        assertThat(calls.get(0).getHeader("Authorization")).isEqualTo("token " + Simulators.BTCPAY_KEY);
        awaitPublishedOnceInOrder(paymentId, 1);
    }

    @Test
    void answers504WhenBtcpayTimesOutAndTheRetryFindsTheInvoiceInsteadOfMakingASecond() {
        UUID orderId = order("21.00");
        String invoice = invoiceId();
        Simulators.BTCPAY.stubFor(post(urlPathEqualTo(STORE + "/invoices"))
                .withRequestBody(matchingJsonPath("$.metadata.orderhub_order_id", equalTo(orderId.toString())))
                .willReturn(aResponse()
                        .withFixedDelay(8000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(invoiceJson(invoice, "New", "None", null, orderId))));

        HttpResponse<String> timedOut = createBtcpayPayment(orderId);

        assertThat(timedOut.statusCode()).as(timedOut.body()).isEqualTo(504);
        assertThat(body(timedOut).path("type").asString()).endsWith("/provider-timeout");
        assertThat(data(woo().get("/api/v1/payments/order/" + orderId))).isEmpty();
        // BTCPay did create the invoice before the hub gave up; the retry must find it, not make another.
        Simulators.BTCPAY.stubFor(get(urlPathEqualTo(STORE + "/invoices"))
                .withQueryParam("orderId", equalTo(orderId.toString()))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[" + invoiceJsonForAnyPayment(invoice, orderId) + "]")));

        HttpResponse<String> retried = createBtcpayPayment(orderId);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(data(retried).path("provider_reference").asString()).isEqualTo(invoice);
        assertThat(Simulators.BTCPAY.findAll(postRequestedFor(urlPathEqualTo(STORE + "/invoices"))
                        .withRequestBody(
                                matchingJsonPath("$.metadata.orderhub_order_id", equalTo(orderId.toString())))))
                .hasSize(1);
        awaitPublishedOnceInOrder(UUID.fromString(data(retried).path("id").asString()), 1);
    }

    /** The invoice as BTCPay lists it, carrying the payment id the hub sent when it created it. */
    private static String invoiceJsonForAnyPayment(String invoice, UUID orderId) {
        UUID paymentId = UUID.fromString(JSON.readTree(Simulators.BTCPAY
                        .findAll(postRequestedFor(urlPathEqualTo(STORE + "/invoices"))
                                .withRequestBody(
                                        matchingJsonPath("$.metadata.orderhub_order_id", equalTo(orderId.toString()))))
                        .get(0)
                        .getBodyAsString())
                .path("metadata")
                .path("orderhub_payment_id")
                .asString());
        return invoiceJson(invoice, "New", "None", paymentId, orderId);
    }

    @Test
    void settlesOnInvoiceSettledAndIgnoresARedeliveryOfTheSameEvent() {
        UUID orderId = order("15.00");
        String invoice = invoiceId();
        btcpayCreates(orderId, invoice);
        UUID paymentId =
                UUID.fromString(data(createBtcpayPayment(orderId)).path("id").asString());

        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_PROCESSING,
                "o-p-" + invoice,
                invoice,
                invoiceEvent("d1", "o-p-" + invoice, "InvoiceProcessing", invoice, paymentId, ""));
        awaitPayment(paymentId, status("processing"));
        String settled = "o-s-" + invoice;
        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_SETTLED,
                settled,
                invoice,
                invoiceEvent("d2", settled, "InvoiceSettled", invoice, paymentId, ", \"overPaid\": false"));
        awaitPayment(paymentId, status("succeeded"));
        // BTCPay redelivers: a new deliveryId, the same originalDeliveryId.
        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_SETTLED,
                settled,
                invoice,
                invoiceEvent("d3", settled, "InvoiceSettled", invoice, paymentId, ", \"overPaid\": false"));
        // A stale Processing after Settled is out of order; an Expired after it too.
        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_EXPIRED,
                "o-e-" + invoice,
                invoice,
                invoiceEvent("d4", "o-e-" + invoice, "InvoiceExpired", invoice, paymentId, ""));
        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_SETTLED,
                "o-s2-" + invoice,
                invoice,
                invoiceEvent("d5", "o-s2-" + invoice, "InvoiceSettled", invoice, paymentId, ", \"overPaid\": true"));
        // The last one is a settle with overPaid, ignored as a move: the status stays, and nothing is published.

        JsonNode payment = awaitPayment(paymentId, status("succeeded"));
        assertThat(payment.path("version").asLong()).isEqualTo(3);
        List<PaymentEvent> events = awaitPublishedOnceInOrder(paymentId, 3);
        assertThat(events).hasSize(3);
    }

    @Test
    void expiresAndThenCountsAPaymentThatArrivedAfterExpiry() {
        UUID orderId = order("9.99");
        String invoice = invoiceId();
        btcpayCreates(orderId, invoice);
        UUID paymentId =
                UUID.fromString(data(createBtcpayPayment(orderId)).path("id").asString());

        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_EXPIRED,
                "o-e-" + invoice,
                invoice,
                invoiceEvent(
                        "d1", "o-e-" + invoice, "InvoiceExpired", invoice, paymentId, ", \"partiallyPaid\": false"));
        awaitPayment(paymentId, status("expired"));
        Simulators.BTCPAY.stubFor(get(urlPathEqualTo(STORE + "/invoices/" + invoice))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(invoiceJson(invoice, "Expired", "PaidLate", paymentId, orderId))));
        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_RECEIVED_PAYMENT,
                "o-r-" + invoice,
                invoice,
                invoiceEvent(
                        "d2",
                        "o-r-" + invoice,
                        "InvoiceReceivedPayment",
                        invoice,
                        paymentId,
                        ", \"afterExpiration\": true"));

        JsonNode paid = awaitPayment(paymentId, status("succeeded"));
        assertThat(paid.path("version").asLong()).isEqualTo(3);
        List<PaymentEvent> events = awaitPublishedOnceInOrder(paymentId, 3);
        assertThat(events.get(2).getPreviousStatus()).isEqualTo(io.orderhub.events.PaymentStatus.EXPIRED);
    }

    @Test
    void refundsThroughAPullPaymentThatCountsOnceItsPayoutCompletes() {
        UUID orderId = order("47.49");
        String invoice = invoiceId();
        btcpayCreates(orderId, invoice);
        UUID paymentId =
                UUID.fromString(data(createBtcpayPayment(orderId)).path("id").asString());
        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_SETTLED,
                "o-s-" + invoice,
                invoice,
                invoiceEvent("d1", "o-s-" + invoice, "InvoiceSettled", invoice, paymentId, ""));
        awaitPayment(paymentId, status("succeeded"));
        String pullPayment = "pp-" + invoice;
        Simulators.BTCPAY.stubFor(post(urlPathEqualTo(STORE + "/invoices/" + invoice + "/refund"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"" + pullPayment + "\", \"name\": \"refund\", \"currency\": \"EUR\","
                                + " \"amount\": \"47.49\", \"viewLink\": \"https://btcpay.test/pp/" + pullPayment
                                + "\"}")));

        HttpResponse<String> refund = woo().post(
                        "/api/v1/payments/" + paymentId + "/refunds",
                        "{\"amount\": 47.49, \"reason\": \"cancelled by customer\"}",
                        ApiClient.idempotencyKey("btc-refund-" + paymentId));

        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(data(refund).path("status").asString()).isEqualTo("pending");
        assertThat(data(refund).path("provider_reference").asString()).isEqualTo(pullPayment);
        JsonNode sent = JSON.readTree(Simulators.BTCPAY
                .findAll(postRequestedFor(urlPathEqualTo(STORE + "/invoices/" + invoice + "/refund")))
                .get(0)
                .getBodyAsString());
        assertThat(sent.path("refundVariant").asString()).isEqualTo("Custom");
        assertThat(sent.path("customAmount").asString()).isEqualTo("47.49");
        assertThat(sent.path("customCurrency").asString()).isEqualTo("EUR");
        assertThat(payment(paymentId).path("status").asString()).isEqualTo("succeeded");

        Feed.btcpay(
                ProviderEventType.BTCPAY_PAYOUT_UPDATED,
                "o-po-" + invoice,
                pullPayment,
                payoutEvent("o-po-" + invoice, pullPayment, "InProgress"));
        Feed.btcpay(
                ProviderEventType.BTCPAY_PAYOUT_UPDATED,
                "o-pc-" + invoice,
                pullPayment,
                payoutEvent("o-pc-" + invoice, pullPayment, "Completed"));

        JsonNode refunded = awaitPayment(paymentId, status("refunded"));
        assertThat(refunded.path("refunded_amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(refunded.path("refunds").get(0).path("status").asString()).isEqualTo("succeeded");
        awaitPublishedOnceInOrder(paymentId, refunded.path("version").asLong());
    }

    private HttpResponse<String> createBtcpayPayment(UUID orderId) {
        return woo().post("/api/v1/payments", """
                        {"order_id": "%s", "provider": "btcpay", "currency": "EUR",
                         "return_url": "https://shop.test/thanks"}
                        """.formatted(orderId), ApiClient.idempotencyKey("btc-" + orderId));
    }

    private static String invoiceId() {
        return "inv" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static void btcpayCreates(UUID orderId, String invoice) {
        Simulators.BTCPAY.stubFor(post(urlPathEqualTo(STORE + "/invoices"))
                .withRequestBody(matchingJsonPath("$.metadata.orderhub_order_id", equalTo(orderId.toString())))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(invoiceJson(invoice, "New", "None", null, orderId))));
    }

    static String invoiceJson(String id, String status, String additional, UUID paymentId, UUID orderId) {
        return """
                {"id": "%s", "storeId": "%s", "amount": "47.49", "paidAmount": "0", "currency": "EUR",
                 "type": "Standard", "checkoutLink": "https://btcpay.test/i/%s", "status": "%s",
                 "additionalStatus": "%s", "createdTime": 1700000000, "expirationTime": 1700000900,
                 "monitoringExpiration": 1700086400, "archived": false,
                 "metadata": {"orderId": "%s", "orderhub_payment_id": "%s", "orderhub_order_id": "%s"}}
                """.formatted(id, Simulators.BTCPAY_STORE, id, status, additional, orderId, paymentId, orderId);
    }

    static String invoiceEvent(
            String deliveryId, String originalDeliveryId, String type, String invoice, UUID paymentId, String extra) {
        return """
                {
                  "deliveryId": "%s",
                  "webhookId": "wh1",
                  "originalDeliveryId": "%s",
                  "isRedelivery": %s,
                  "type": "%s",
                  "timestamp": 1700000000,
                  "storeId": "%s",
                  "invoiceId": "%s",
                  "metadata": {"orderhub_payment_id": "%s"}%s
                }
                """.formatted(
                        deliveryId,
                        originalDeliveryId,
                        !deliveryId.equals(originalDeliveryId),
                        type,
                        Simulators.BTCPAY_STORE,
                        invoice,
                        paymentId,
                        extra);
    }

    static String payoutEvent(String deliveryId, String pullPayment, String state) {
        return """
                {"deliveryId": "%s", "webhookId": "wh1", "originalDeliveryId": "%s", "isRedelivery": false,
                 "type": "PayoutUpdated", "timestamp": 1700000000, "storeId": "%s",
                 "payoutId": "po-%s", "pullPaymentId": "%s", "payoutState": "%s"}
                """.formatted(deliveryId, deliveryId, Simulators.BTCPAY_STORE, deliveryId, pullPayment, state);
    }
}
