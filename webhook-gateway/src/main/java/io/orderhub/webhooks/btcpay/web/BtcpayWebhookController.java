package io.orderhub.webhooks.btcpay.web;

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

/**
 * BTCPay Server's webhook endpoint: 200 once the event is on Kafka (or deliberately ignored). BTCPay
 * retries only 5xx, 408 and 429, so anything that is not the sender's fault must answer 5xx.
 */
@RestController
class BtcpayWebhookController {

    /** A BTCPay Server webhook delivery as it arrives. */
    private static final String BTCPAY_EVENT = """
            {
              "deliveryId": "Hq3bTnCJ6xWkLh7Yv2pR9s",
              "webhookId": "8Bd2rXkPq4MZyT1vN6cW3e",
              "originalDeliveryId": "Hq3bTnCJ6xWkLh7Yv2pR9s",
              "isRedelivery": false,
              "type": "InvoiceSettled",
              "timestamp": 1772446590,
              "storeId": "9CiNzZxSD1bFhRtYpBGcjUX7sMxW3vQe2KaLdP5o",
              "invoiceId": "NvZ2kYq8sPd4Wm7Xr3Tb1c",
              "metadata": {"orderhub_payment_id": "0196a5c4-9b3c-7a4d-8e5f-1b2c3d4e5f60"},
              "manuallyMarked": false,
              "overPaid": false
            }
            """;

    private final AcceptWebhook acceptWebhook;
    private final WebhookMetrics metrics;
    private final IntakeProperties properties;

    BtcpayWebhookController(AcceptWebhook acceptWebhook, WebhookMetrics metrics, IntakeProperties properties) {
        this.acceptWebhook = acceptWebhook;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Operation(
            summary = "Receive a BTCPay Server event",
            description =
                    "Signed by BTCPay Server (no API key). Invoice and payout events are published on `orderhub.provider-events.v1`. BTCPay retries only 5xx, 408 and 429.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "The raw body exactly as the provider sent it: the signature is computed over its bytes.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = "object"),
                            examples = @ExampleObject(name = "btcpay", value = BTCPAY_EVENT)))
    @WebhookAnswers
    @PermitAll
    @PostMapping("/api/v1/webhooks/btcpay")
    ResponseEntity<Acknowledgement> receive(
            HttpServletRequest request,
            @Parameter(
                            name = "BTCPay-Sig",
                            in = ParameterIn.HEADER,
                            required = true,
                            description = "`sha256=<hex HMAC-SHA256 of the raw body>`, keyed by BTCPAY_WEBHOOK_SECRET.",
                            example = "sha256=e9931d9586b8b2791a50c47f2cb97d4571ad6fcbcf08cbd8d6202b43a1541ef7")
                    @RequestHeader(name = "BTCPay-Sig", required = false)
                    String signature) {
        metrics.received(Provider.BTCPAY);
        byte[] body = RawBody.read(request, properties.maxPayload(), Provider.BTCPAY);
        return Acknowledgement.ok(acceptWebhook.accept(new AcceptWebhook.Command(Provider.BTCPAY, body, signature)));
    }
}
