package io.orderhub.payments.payment;

import io.orderhub.events.DisputeSnapshot;
import io.orderhub.events.PaymentEvent;
import io.orderhub.events.PaymentEventType;
import io.orderhub.events.PaymentSnapshot;
import io.orderhub.events.RefundSnapshot;
import io.orderhub.messaging.id.Ids;
import io.orderhub.money.Money;
import io.orderhub.schemas.EventMoney;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The payment's full snapshot as an Avro {@link PaymentEvent}. */
final class PaymentEvents {

    private PaymentEvents() {}

    static PaymentEvent of(Payment payment, PaymentChange change, String actor) {
        return PaymentEvent.newBuilder()
                .setEventId(Ids.next())
                .setType(change.type())
                .setOccurredAt(micros(payment.updatedAt()))
                .setPaymentId(payment.id())
                .setOrderId(payment.orderId())
                .setVersion(payment.version())
                .setActor(actor)
                .setPreviousStatus(change.previousStatus() == null ? null : avro(change.previousStatus()))
                .setPayment(snapshot(payment))
                .build();
    }

    /** The one event of a payment imported from the old hub: {@code CREATED} at its version, marked imported. */
    static PaymentEvent imported(Payment payment, String actor) {
        return PaymentEvent.newBuilder(of(payment, new PaymentChange(PaymentEventType.CREATED, null, null), actor))
                .setImported(true)
                .build();
    }

    private static PaymentSnapshot snapshot(Payment payment) {
        Dispute dispute = payment.dispute();
        return PaymentSnapshot.newBuilder()
                .setId(payment.id())
                .setOrderId(payment.orderId())
                .setSource(payment.source())
                .setProvider(payment.provider())
                .setStatus(avro(payment.status()))
                .setAmount(money(payment.amount()))
                .setCurrency(payment.currency().code())
                .setRefundedAmount(money(payment.refundedAmount()))
                .setProviderReference(payment.providerReference())
                .setSourcePaymentId(payment.sourcePaymentId())
                .setRecorded(payment.recorded())
                .setNeedsAttention(payment.needsAttention())
                .setAttentionReason(payment.attentionReason())
                .setRefunds(payment.refunds().stream()
                        .map(refund -> RefundSnapshot.newBuilder()
                                .setId(refund.id())
                                .setAmount(money(refund.amount()))
                                .setStatus(io.orderhub.events.RefundStatus.valueOf(
                                        refund.status().name()))
                                .setReason(refund.reason())
                                .setProviderReference(refund.providerReference())
                                .setCreatedAt(micros(refund.createdAt()))
                                .setUpdatedAt(micros(refund.updatedAt()))
                                .build())
                        .toList())
                .setDispute(
                        dispute == null
                                ? null
                                : DisputeSnapshot.newBuilder()
                                        .setProviderReference(dispute.providerReference())
                                        .setStatus(dispute.status())
                                        .setAmount(money(dispute.amount()))
                                        .setReason(dispute.reason())
                                        .build())
                .setMetadataJson(payment.metadataJson())
                .setCreatedAt(micros(payment.createdAt()))
                .setUpdatedAt(micros(payment.updatedAt()))
                .build();
    }

    private static io.orderhub.events.PaymentStatus avro(PaymentStatus status) {
        return io.orderhub.events.PaymentStatus.valueOf(status.name());
    }

    private static java.math.BigDecimal money(Money money) {
        return EventMoney.of(money.amount());
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
