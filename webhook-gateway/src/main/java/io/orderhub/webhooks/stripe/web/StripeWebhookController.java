package io.orderhub.webhooks.stripe.web;

import io.orderhub.events.Provider;
import io.orderhub.webhooks.intake.AcceptWebhook;
import io.orderhub.webhooks.intake.IntakeProperties;
import io.orderhub.webhooks.intake.WebhookMetrics;
import io.orderhub.webhooks.intake.web.Acknowledgement;
import io.orderhub.webhooks.intake.web.RawBody;
import io.orderhub.webhooks.intake.web.WebhookAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's webhook endpoint: 200 once the event is on Kafka (or deliberately ignored). */
@RestController
class StripeWebhookController {

    /** A Stripe event as it arrives (abridged): the hub reads the object's id, status and metadata. */
    private static final String STRIPE_EVENT = """
            {
              "id": "evt_3QbX2aLkdIwHu7ix0qRsTuVw",
              "object": "event",
              "api_version": "2024-06-20",
              "created": 1772446590,
              "livemode": false,
              "type": "payment_intent.succeeded",
              "data": {
                "object": {
                  "id": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o",
                  "object": "payment_intent",
                  "amount": 4749,
                  "amount_received": 4749,
                  "currency": "eur",
                  "status": "succeeded",
                  "metadata": {
                    "orderhub_payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                    "orderhub_order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d"
                  }
                }
              }
            }
            """;

    private final AcceptWebhook acceptWebhook;
    private final WebhookMetrics metrics;
    private final IntakeProperties properties;

    StripeWebhookController(AcceptWebhook acceptWebhook, WebhookMetrics metrics, IntakeProperties properties) {
        this.acceptWebhook = acceptWebhook;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Operation(
            summary = "Receive a Stripe event",
            description =
                    "Signed by Stripe (no API key). `payment_intent.*`, `charge.refunded`, `refund.*` and `charge.dispute.*` are published on `orderhub.provider-events.v1`, read from the raw payload.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "The raw body exactly as the provider sent it: the signature is computed over its bytes.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = "object"),
                            examples = @ExampleObject(name = "stripe", value = STRIPE_EVENT)))
    @WebhookAnswers
    @PermitAll
    @PostMapping("/api/v1/webhooks/stripe")
    ResponseEntity<Acknowledgement> receive(
            HttpServletRequest request,
            @Parameter(
                            name = "Stripe-Signature",
                            in = ParameterIn.HEADER,
                            required = true,
                            description =
                                    "`t=<unix time>,v1=<hex HMAC-SHA256 of t.body>`, keyed by STRIPE_WEBHOOK_SECRET; any `v1` may match; 300 s tolerance.",
                            example =
                                    "t=1700000000,v1=f457ee3d89f52f9f02936e1cd1173dd5dfa132cdc78ec55ea964a53098c5a1c0")
                    @RequestHeader(name = "Stripe-Signature", required = false)
                    String signature) {
        metrics.received(Provider.STRIPE);
        byte[] body = RawBody.read(request, properties.maxPayload(), Provider.STRIPE);
        return Acknowledgement.ok(acceptWebhook.accept(new AcceptWebhook.Command(Provider.STRIPE, body, signature)));
    }
}
