package io.orderhub.payments.payment.web;

import io.orderhub.money.Money;
import io.orderhub.payments.payment.Dispute;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.Refund;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A payment and its refunds as the contract shows them (snake_case, amounts at the currency's scale). */
public final class PaymentJson {

    private PaymentJson() {}

    public static Map<String, Object> of(Payment payment, JsonMapper json) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", payment.id());
        body.put("order_id", payment.orderId());
        body.put("provider", payment.provider());
        body.put("method", payment.method());
        body.put("status", payment.status().wireName());
        body.put("version", payment.version());
        body.put("amount", payment.amount().amount());
        body.put("currency", payment.currency().code());
        body.put("refunded_amount", payment.refundedAmount().amount());
        // What a refund may still take: nothing unless the payment holds money; pending refunds count as taken.
        body.put(
                "refundable_amount",
                (payment.status().refundable() ? payment.refundable() : Money.zero(payment.currency())).amount());
        body.put("provider_reference", payment.providerReference());
        body.put("source_payment_id", payment.sourcePaymentId());
        body.put("recorded", payment.recorded());
        body.put("next_action", payment.nextActionJson() == null ? null : json.readTree(payment.nextActionJson()));
        body.put(
                "refunds",
                payment.refunds().stream().map(r -> refund(payment, r)).toList());
        body.put("dispute", payment.dispute() == null ? null : dispute(payment.dispute()));
        body.put("needs_attention", payment.needsAttention());
        body.put("attention_reason", payment.attentionReason());
        body.put("metadata", payment.metadataJson() == null ? null : json.readTree(payment.metadataJson()));
        body.put("created_at", time(payment.createdAt()));
        body.put("updated_at", time(payment.updatedAt()));
        return body;
    }

    public static Map<String, Object> refund(Payment payment, Refund refund) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", refund.id());
        body.put("payment_id", payment.id());
        body.put("amount", refund.amount().amount());
        body.put("status", refund.status().wireName());
        body.put("reason", refund.reason());
        body.put("provider_reference", refund.providerReference());
        body.put("created_at", time(refund.createdAt()));
        body.put("updated_at", time(refund.updatedAt()));
        return body;
    }

    private static Map<String, Object> dispute(Dispute dispute) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dispute.status());
        body.put("amount", dispute.amount().amount());
        body.put("provider_reference", dispute.providerReference());
        body.put("reason", dispute.reason());
        body.put("opened_at", time(dispute.createdAt()));
        return body;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
