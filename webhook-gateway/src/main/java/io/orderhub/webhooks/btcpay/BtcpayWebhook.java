package io.orderhub.webhooks.btcpay;

import static io.orderhub.webhooks.intake.JsonPayload.epochSeconds;
import static io.orderhub.webhooks.intake.JsonPayload.text;
import static io.orderhub.webhooks.intake.JsonPayload.unparseable;

import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEventType;
import io.orderhub.webhooks.intake.JsonPayload;
import io.orderhub.webhooks.intake.ParsedWebhook;
import io.orderhub.webhooks.intake.ProviderWebhook;
import io.orderhub.webhooks.intake.Utf8Text;
import io.orderhub.webhooks.intake.VerifiedEvent;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BTCPay Server's store webhooks (Greenfield {@code WebhookEvent}: {@code deliveryId},
 * {@code originalDeliveryId}, {@code isRedelivery}, {@code type}, {@code timestamp} in Unix seconds,
 * {@code storeId}; invoice events add {@code invoiceId}, payout events {@code payoutId} and
 * {@code pullPaymentId}). The event id is {@code originalDeliveryId}, which stays the same when BTCPay
 * redelivers; the Kafka key is the invoice, or for payouts the pull payment a hub refund created.
 */
@Component
class BtcpayWebhook implements ProviderWebhook {

    record Rule(ProviderEventType type, String referenceField) {}

    private static final String INVOICE_ID = "invoiceId";
    private static final String PULL_PAYMENT_ID = "pullPaymentId";

    /** The BTCPay event types the hub applies; every other type is acknowledged and dropped. */
    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("InvoiceCreated", new Rule(ProviderEventType.BTCPAY_INVOICE_CREATED, INVOICE_ID)),
            Map.entry(
                    "InvoiceReceivedPayment", new Rule(ProviderEventType.BTCPAY_INVOICE_RECEIVED_PAYMENT, INVOICE_ID)),
            Map.entry("InvoicePaymentSettled", new Rule(ProviderEventType.BTCPAY_INVOICE_PAYMENT_SETTLED, INVOICE_ID)),
            Map.entry("InvoiceProcessing", new Rule(ProviderEventType.BTCPAY_INVOICE_PROCESSING, INVOICE_ID)),
            Map.entry("InvoiceExpired", new Rule(ProviderEventType.BTCPAY_INVOICE_EXPIRED, INVOICE_ID)),
            Map.entry("InvoiceSettled", new Rule(ProviderEventType.BTCPAY_INVOICE_SETTLED, INVOICE_ID)),
            Map.entry("InvoiceInvalid", new Rule(ProviderEventType.BTCPAY_INVOICE_INVALID, INVOICE_ID)),
            Map.entry("PayoutCreated", new Rule(ProviderEventType.BTCPAY_PAYOUT_CREATED, PULL_PAYMENT_ID)),
            Map.entry("PayoutApproved", new Rule(ProviderEventType.BTCPAY_PAYOUT_APPROVED, PULL_PAYMENT_ID)),
            Map.entry("PayoutUpdated", new Rule(ProviderEventType.BTCPAY_PAYOUT_UPDATED, PULL_PAYMENT_ID)));

    private final BtcpaySignature signature;
    private final JsonMapper json;

    BtcpayWebhook(BtcpaySignature signature, JsonMapper json) {
        this.signature = signature;
        this.json = json;
    }

    @Override
    public Provider provider() {
        return Provider.BTCPAY;
    }

    @Override
    public boolean configured() {
        return signature.configured();
    }

    @Override
    public String verify(byte[] body, String signatureHeader) {
        signature.verify(body, signatureHeader);
        return Utf8Text.decode(body).orElseThrow(() -> unparseable(Provider.BTCPAY, "The body is not UTF-8 text."));
    }

    @Override
    public ParsedWebhook read(byte[] body, String payload, Instant receivedAt) {
        JsonNode event = JsonPayload.object(json, body, Provider.BTCPAY);
        // Older BTCPay releases wrote the field misspelt "orignalDeliveryId" (BTCPay reads both).
        String id = text(event, "originalDeliveryId")
                .or(() -> text(event, "orignalDeliveryId"))
                .or(() -> text(event, "deliveryId"))
                .orElseThrow(() -> unparseable(Provider.BTCPAY, "The event has no delivery id."));
        String type = text(event, "type").orElseThrow(() -> unparseable(Provider.BTCPAY, "The event has no type."));
        Rule rule = RULES.get(type);
        if (rule == null) {
            return ParsedWebhook.ignored(id, type);
        }
        // A payout outside a pull payment, or an event naming no invoice, is not a hub payment: keyed by
        // the delivery itself, consumers find no payment for it and record it as unmatched.
        String reference = text(event, rule.referenceField()).orElse(id);
        return ParsedWebhook.relevant(new VerifiedEvent(
                Provider.BTCPAY,
                id,
                type,
                rule.type(),
                reference,
                epochSeconds(event, "timestamp").orElse(receivedAt),
                receivedAt,
                payload));
    }
}
