package io.orderhub.payments.providerevent;

import static io.orderhub.payments.providerevent.Payloads.metadata;
import static io.orderhub.payments.providerevent.Payloads.text;

import io.orderhub.events.ProviderEventType;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.providerevent.ProviderReport.InvoicePayment;
import io.orderhub.payments.providerevent.ProviderReport.NothingToApply;
import io.orderhub.payments.providerevent.ProviderReport.PaymentOutcome;
import io.orderhub.payments.providerevent.ProviderReport.PaymentRef;
import io.orderhub.payments.providerevent.ProviderReport.PayoutChange;
import io.orderhub.payments.providerevent.ProviderReport.Unreadable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a BTCPay Greenfield webhook (invoice or payout event, flat JSON) as a report. */
@Component
class BtcpayEvents {

    private final JsonMapper json;

    BtcpayEvents(JsonMapper json) {
        this.json = json;
    }

    ProviderReport read(ProviderEventType type, String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            return new Unreadable("the payload is not JSON");
        }
        return switch (type) {
            case BTCPAY_INVOICE_CREATED -> new NothingToApply(invoice(event));
            case BTCPAY_INVOICE_RECEIVED_PAYMENT, BTCPAY_INVOICE_PAYMENT_SETTLED ->
                new InvoicePayment(invoice(event), event.path("afterExpiration").asBoolean(false));
            case BTCPAY_INVOICE_PROCESSING -> invoiceStatus(event, PaymentStatus.PROCESSING);
            case BTCPAY_INVOICE_SETTLED -> invoiceStatus(event, PaymentStatus.SUCCEEDED);
            case BTCPAY_INVOICE_EXPIRED -> invoiceStatus(event, PaymentStatus.EXPIRED);
            case BTCPAY_INVOICE_INVALID -> invoiceStatus(event, PaymentStatus.FAILED);
            case BTCPAY_PAYOUT_CREATED, BTCPAY_PAYOUT_APPROVED, BTCPAY_PAYOUT_UPDATED ->
                new PayoutChange(text(event, "pullPaymentId"), text(event, "payoutState"));
            default -> throw new IllegalArgumentException("Not a BTCPay event type: " + type);
        };
    }

    private static PaymentOutcome invoiceStatus(JsonNode event, PaymentStatus status) {
        String attention = null;
        if (event.path("overPaid").asBoolean(false)) {
            attention = "overpaid at BTCPay";
        } else if (status == PaymentStatus.EXPIRED
                && event.path("partiallyPaid").asBoolean(false)) {
            attention = "partially paid before the invoice expired";
        }
        // The hub cancels a BTCPay payment by marking its invoice invalid.
        return new PaymentOutcome(invoice(event), status, attention, status == PaymentStatus.FAILED);
    }

    private static PaymentRef invoice(JsonNode event) {
        String invoiceId = text(event, "invoiceId");
        return new PaymentRef("btcpay", invoiceId, metadata(event, "orderhub_payment_id"), "invoice " + invoiceId);
    }
}
