package io.orderhub.webhooks.stripe.web;

import io.orderhub.events.Provider;
import io.orderhub.webhooks.intake.AcceptWebhook;
import io.orderhub.webhooks.intake.IntakeProperties;
import io.orderhub.webhooks.intake.WebhookMetrics;
import io.orderhub.webhooks.intake.web.Acknowledgement;
import io.orderhub.webhooks.intake.web.RawBody;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's webhook endpoint: 200 once the event is on Kafka (or deliberately ignored). */
@RestController
class StripeWebhookController {

    private final AcceptWebhook acceptWebhook;
    private final WebhookMetrics metrics;
    private final IntakeProperties properties;

    StripeWebhookController(AcceptWebhook acceptWebhook, WebhookMetrics metrics, IntakeProperties properties) {
        this.acceptWebhook = acceptWebhook;
        this.metrics = metrics;
        this.properties = properties;
    }

    @PostMapping("/api/v1/webhooks/stripe")
    ResponseEntity<Acknowledgement> receive(
            HttpServletRequest request, @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        metrics.received(Provider.STRIPE);
        byte[] body = RawBody.read(request, properties.maxPayload(), Provider.STRIPE);
        return Acknowledgement.ok(acceptWebhook.accept(new AcceptWebhook.Command(Provider.STRIPE, body, signature)));
    }
}
