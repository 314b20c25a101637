package io.orderhub.bench.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's side of the flow: its API answering PaymentIntent creation (WireMock in this JVM) and its signed
 * webhooks. A PaymentIntent's id is derived from the hub's payment id, which the hub sends in the intent's
 * metadata, so every payment gets its own intent and its webhook can be written without asking Stripe.
 */
final class Stripe implements AutoCloseable {

    static final String WEBHOOK_SECRET = "whsec_orderhub_end_to_end_bench";

    private final WireMockServer server;

    private Stripe(WireMockServer server) {
        this.server = server;
    }

    static Stripe start() {
        WireMockServer server = new WireMockServer(wireMockConfig()
                .dynamicPort()
                // payment-service calls Stripe from every request thread the setup keeps busy.
                .containerThreads(64)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .extensions(new PaymentIntentCreation()));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(aResponse().withTransformers(PaymentIntentCreation.NAME)));
        return new Stripe(server);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    static String intentId(String paymentId) {
        return "pi_" + paymentId.replace("-", "");
    }

    /** A {@code payment_intent.succeeded} event for the hub's payment, shaped as Stripe sends it. */
    static String succeeded(String paymentId, String orderId, long epochSecond) {
        String intent = paymentIntent(intentId(paymentId), "succeeded", 4749, "eur", paymentId, orderId);
        return """
                {"id": "evt_%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false,
                 "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null},
                 "type": "payment_intent.succeeded", "data": {"object": %s}}""".formatted(UUID.randomUUID().toString().replace("-", ""), epochSecond, intent);
    }

    /**
     * Stripe's signature header: {@code v1} is the hex HMAC-SHA256 of {@code "t.body"}, keyed by the whole
     * {@code whsec_} string.
     */
    static String signature(Mac mac, String payload, long epochSecond) {
        byte[] signed = mac.doFinal((epochSecond + "." + payload).getBytes(StandardCharsets.UTF_8));
        return "t=" + epochSecond + ",v1=" + HexFormat.of().formatHex(signed);
    }

    /** A MAC keyed for {@link #signature}; one per thread, a {@link Mac} is not thread-safe. */
    static Mac webhookMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String paymentIntent(
            String id, String status, long amount, String currency, String paymentId, String orderId) {
        return """
                {"id": "%1$s", "object": "payment_intent", "amount": %2$d, "amount_received": %3$d,
                 "capture_method": "automatic_async", "client_secret": "%1$s_secret_bench", "confirmation_method":
                 "automatic", "created": %4$d, "currency": "%5$s", "livemode": false, "status": "%6$s",
                 "payment_method_types": ["card", "link"],
                 "metadata": {"orderhub_payment_id": "%7$s", "orderhub_order_id": "%8$s"}}""".formatted(
                        id,
                        amount,
                        "succeeded".equals(status) ? amount : 0,
                        System.currentTimeMillis() / 1000,
                        currency,
                        status,
                        paymentId,
                        orderId);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Answers {@code POST /v1/payment_intents} with a new intent carrying the request's amount and metadata. */
    private static final class PaymentIntentCreation implements ResponseDefinitionTransformerV2 {

        static final String NAME = "orderhub-payment-intent-creation";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Map<String, String> form = form(serveEvent.getRequest().getBodyAsString());
            String paymentId = form.get("metadata[orderhub_payment_id]");
            if (paymentId == null || form.get("amount") == null) {
                return aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"no"
                                + " orderhub_payment_id or amount\"}}")
                        .build();
            }
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(paymentIntent(
                            intentId(paymentId),
                            "requires_payment_method",
                            Long.parseLong(form.get("amount")),
                            form.getOrDefault("currency", "eur"),
                            paymentId,
                            form.getOrDefault("metadata[orderhub_order_id]", "")))
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new HashMap<>();
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    form.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return form;
        }
    }
}
