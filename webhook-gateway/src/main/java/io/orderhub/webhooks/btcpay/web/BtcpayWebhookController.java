package io.orderhub.webhooks.btcpay.web;

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

/**
 * BTCPay Server's webhook endpoint: 200 once the event is on Kafka (or deliberately ignored). BTCPay
 * retries only 5xx, 408 and 429, so anything that is not the sender's fault must answer 5xx.
 */
@RestController
class BtcpayWebhookController {

    private final AcceptWebhook acceptWebhook;
    private final WebhookMetrics metrics;
    private final IntakeProperties properties;

    BtcpayWebhookController(AcceptWebhook acceptWebhook, WebhookMetrics metrics, IntakeProperties properties) {
        this.acceptWebhook = acceptWebhook;
        this.metrics = metrics;
        this.properties = properties;
    }

    @PostMapping("/api/v1/webhooks/btcpay")
    ResponseEntity<Acknowledgement> receive(
            HttpServletRequest request, @RequestHeader(name = "BTCPay-Sig", required = false) String signature) {
        metrics.received(Provider.BTCPAY);
        byte[] body = RawBody.read(request, properties.maxPayload(), Provider.BTCPAY);
        return Acknowledgement.ok(acceptWebhook.accept(new AcceptWebhook.Command(Provider.BTCPAY, body, signature)));
    }
}
