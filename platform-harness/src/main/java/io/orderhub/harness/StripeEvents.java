package io.orderhub.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe's side of the platform's tests: its PaymentIntents and events as its API sends them, signed. */
public final class StripeEvents {

    private StripeEvents() {}

    /**
     * Stripe's API as the hub uses it under load: every {@code POST /v1/payment_intents} creates a
     * PaymentIntent of its own id, and a search finds nothing (no intent of an earlier attempt).
     */
    public static void answerPaymentIntents(WireMockServer stripe) {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody(paymentIntent(
                                "pi_{{randomValue length=24 type='ALPHANUMERIC'}}",
                                "requires_payment_method",
                                "",
                                null))));
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/search"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"object": "search_result", "url": "/v1/payment_intents/search",
                                 "data": [], "has_more": false}""")));
    }

    /**
     * Stripe's refunds as the hub uses them under load: every {@code POST /v1/refunds} creates a {@code pending}
     * refund of its own id, of the amount and PaymentIntent asked for; Stripe's {@code refund.updated} event
     * settles it later.
     */
    public static void answerRefunds(WireMockServer stripe) {
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{{formData request.body 'form' urlDecode=true}}"
                                + refund(
                                        "re_{{randomValue length=24 type='ALPHANUMERIC'}}",
                                        "pending",
                                        "{{form.amount}}",
                                        "{{form.payment_intent}}",
                                        "{{lookup form 'metadata%5Borderhub_refund_id%5D'}}",
                                        "{{lookup form 'metadata%5Borderhub_payment_id%5D'}}"))));
    }

    /** A refund of the hub's as Stripe's API and events show it; {@code amount} in minor units. */
    public static String refund(
            String id, String status, String amount, String paymentIntent, String refundId, String paymentId) {
        return """
                {"id": "%s", "object": "refund", "amount": %s, "currency": "eur", "payment_intent": "%s",
                 "status": "%s", "metadata": {"orderhub_refund_id": "%s", "orderhub_payment_id": "%s"}}""".formatted(id, amount, paymentIntent, status, refundId, paymentId);
    }

    /** A 47.49 EUR PaymentIntent of the hub's order and payment, as Stripe's API and events show it. */
    public static String paymentIntent(String id, String status, String orderId, String paymentId) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 4749, "amount_received": %d, "currency": "eur",
                 "status": "%s", "client_secret": "%s_secret_e2e", "livemode": false,
                 "metadata": {"orderhub_payment_id": "%s", "orderhub_order_id": "%s"}}""".formatted(
                id, "succeeded".equals(status) ? 4749 : 0, status, id, paymentId == null ? "" : paymentId, orderId);
    }

    /** An event as Stripe posts it to the webhook endpoint, created at {@code createdSeconds}. */
    public static String event(String id, String type, String object, long createdSeconds) {
        return """
                {"id": "%s", "object": "event", "api_version": "2020-08-27", "created": %d,
                 "type": "%s", "data": {"object": %s}}""".formatted(id, createdSeconds, type, object);
    }

    public static String event(String id, String type, String object) {
        return event(id, type, object, System.currentTimeMillis() / 1000);
    }

    /** A new event id, as Stripe's look. */
    public static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The headers Stripe posts an event with: its content type and signature, in a map the caller may add to. */
    public static Map<String, String> headers(String webhookSecret, String event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Stripe-Signature", signature(webhookSecret, event));
        return headers;
    }

    /** Stripe's scheme: v1 = hex HMAC-SHA256 of "t.body", keyed by the whole whsec_ string. */
    public static String signature(String webhookSecret, String payload) {
        long t = System.currentTimeMillis() / 1000;
        byte[] mac = hmac(
                webhookSecret.getBytes(StandardCharsets.UTF_8), (t + "." + payload).getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac);
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
