package io.orderhub.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** BTCPay Server's side of the platform's tests: its Greenfield invoices and webhooks as it sends them, signed. */
public final class BtcpayEvents {

    private BtcpayEvents() {}

    /**
     * BTCPay's Greenfield API as the hub uses it under load: every {@code POST .../invoices} creates a
     * {@code New} invoice of its own id (FullPlatform's search by order id finds no invoice of an earlier attempt).
     */
    public static void answerInvoices(WireMockServer btcpay) {
        btcpay.stubFor(post(urlPathEqualTo("/api/v1/stores/" + FullPlatform.BTCPAY_STORE + "/invoices"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{{#assign 'id'}}inv{{randomValue length=20 type='ALPHANUMERIC'}}{{/assign}}"
                                + """
                                {"id": "{{id}}", "storeId": "%s", "amount": "{{jsonPath request.body '$.amount'}}",
                                 "paidAmount": "0", "currency": "{{jsonPath request.body '$.currency'}}",
                                 "type": "Standard", "checkoutLink": "https://btcpay.test/i/{{id}}", "status": "New",
                                 "additionalStatus": "None", "archived": false}""".formatted(FullPlatform.BTCPAY_STORE))));
    }

    /**
     * An invoice webhook as BTCPay posts it; a redelivery has a delivery id of its own and names the original,
     * which is the event's id.
     */
    public static String invoiceEvent(
            String originalDeliveryId,
            boolean redelivery,
            String type,
            String invoiceId,
            String orderId,
            String paymentId,
            long timestampSeconds) {
        String deliveryId = redelivery ? deliveryId() : originalDeliveryId;
        return """
                {"deliveryId": "%s", "webhookId": "wh-load", "originalDeliveryId": "%s", "isRedelivery": %s,
                 "type": "%s", "timestamp": %d, "storeId": "%s", "invoiceId": "%s",
                 "metadata": {"orderId": "%s", "orderhub_payment_id": "%s", "orderhub_order_id": "%s"},
                 "manuallyMarked": false, "overPaid": false}""".formatted(
                        deliveryId,
                        originalDeliveryId,
                        redelivery,
                        type,
                        timestampSeconds,
                        FullPlatform.BTCPAY_STORE,
                        invoiceId,
                        orderId,
                        paymentId,
                        orderId);
    }

    /** A new delivery id, as BTCPay's look. */
    public static String deliveryId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    /** The headers BTCPay posts an event with: {@code BTCPay-Sig: sha256=<hex HMAC-SHA256 of the body>}. */
    public static Map<String, String> headers(String webhookSecret, String event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(
                "BTCPay-Sig",
                "sha256="
                        + HexFormat.of()
                                .formatHex(StripeEvents.hmac(
                                        webhookSecret.getBytes(StandardCharsets.UTF_8),
                                        event.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }
}
