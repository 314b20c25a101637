package io.orderhub.payments.providerevent;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.PaymentEventType;
import io.orderhub.events.ProviderEvent;
import io.orderhub.events.ProviderEventType;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.money.Money;
import io.orderhub.payments.payment.Dispute;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentChange;
import io.orderhub.payments.payment.PaymentLedger;
import io.orderhub.payments.payment.PaymentRepository;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.Refund;
import io.orderhub.payments.payment.RefundStatus;
import io.orderhub.payments.providerevent.ProviderEventLog.Outcome;
import io.orderhub.schemas.EventTopic;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one provider webhook, once: the Kafka record through the inbox, the provider's event (Stripe
 * {@code evt_} id, BTCPay {@code originalDeliveryId}) through the provider event log, because a provider's
 * retry arrives as a new record. The object is read from the raw payload. Moves the payment table does not
 * allow, and events for payments the hub does not know, are recorded with their outcome and never fail the
 * consumer.
 */
@Service
public class ApplyProviderEvent {

    private static final Logger log = LoggerFactory.getLogger(ApplyProviderEvent.class);

    private final Inbox inbox;
    private final ProviderEventLog eventLog;
    private final PaymentRepository payments;
    private final PaymentLedger ledger;
    private final JsonMapper json;
    private final MeterRegistry meters;

    ApplyProviderEvent(
            Inbox inbox,
            ProviderEventLog eventLog,
            PaymentRepository payments,
            PaymentLedger ledger,
            JsonMapper json,
            MeterRegistry meters) {
        this.inbox = inbox;
        this.eventLog = eventLog;
        this.payments = payments;
        this.ledger = ledger;
        this.json = json;
        this.meters = meters;
    }

    @Transactional
    public void apply(ProviderEvent event) {
        if (!inbox.firstDelivery(event.getEventId(), EventTopic.PROVIDER_EVENTS.topicName())) {
            return;
        }
        if (!eventLog.firstSeen(event)) {
            count(event, "duplicate");
            return;
        }
        Outcome outcome;
        try {
            outcome = apply(event, json.readTree(event.getPayload()));
        } catch (JacksonException e) {
            outcome = Outcome.ignored(null, "the payload is not JSON");
        }
        eventLog.outcome(event, outcome);
        count(event, outcome.kind().wireName());
        if (outcome.kind() == Outcome.Kind.UNMATCHED) {
            log.warn(
                    "Provider event {} {} ({}) names no payment the hub knows: recorded as unmatched",
                    event.getProvider(),
                    event.getProviderEventId(),
                    event.getProviderEventType());
        }
    }

    private void count(ProviderEvent event, String outcome) {
        meters.counter(
                        "orderhub.payments.provider.events",
                        "provider",
                        event.getProvider().name().toLowerCase(Locale.ROOT),
                        "outcome",
                        outcome)
                .increment();
    }

    private Outcome apply(ProviderEvent event, JsonNode root) {
        ProviderEventType type = event.getType();
        String what = event.getProviderEventType() + " " + event.getProviderEventId();
        JsonNode object = root.path("data").path("object");
        return switch (type) {
            case STRIPE_PAYMENT_INTENT_PROCESSING -> stripeIntent(object, PaymentStatus.PROCESSING, what);
            case STRIPE_PAYMENT_INTENT_REQUIRES_ACTION -> stripeIntent(object, PaymentStatus.REQUIRES_ACTION, what);
            case STRIPE_PAYMENT_INTENT_SUCCEEDED -> stripeIntent(object, PaymentStatus.SUCCEEDED, what);
            case STRIPE_PAYMENT_INTENT_PAYMENT_FAILED -> stripeIntent(object, PaymentStatus.FAILED, what);
            case STRIPE_PAYMENT_INTENT_CANCELED -> stripeIntent(object, PaymentStatus.CANCELLED, what);
            case STRIPE_REFUND_CREATED, STRIPE_REFUND_UPDATED, STRIPE_REFUND_FAILED ->
                stripeRefund(object, type == ProviderEventType.STRIPE_REFUND_FAILED, what);
            case STRIPE_CHARGE_REFUNDED -> stripeChargeRefunded(object, what);
            case STRIPE_CHARGE_DISPUTE_CREATED,
                    STRIPE_CHARGE_DISPUTE_UPDATED,
                    STRIPE_CHARGE_DISPUTE_CLOSED,
                    STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN,
                    STRIPE_CHARGE_DISPUTE_FUNDS_REINSTATED -> stripeDispute(object, what);
            case BTCPAY_INVOICE_CREATED -> btcpayInvoice(root, null, what);
            case BTCPAY_INVOICE_RECEIVED_PAYMENT, BTCPAY_INVOICE_PAYMENT_SETTLED -> btcpayPayment(root, what);
            case BTCPAY_INVOICE_PROCESSING -> btcpayInvoice(root, PaymentStatus.PROCESSING, what);
            case BTCPAY_INVOICE_SETTLED -> btcpayInvoice(root, PaymentStatus.SUCCEEDED, what);
            case BTCPAY_INVOICE_EXPIRED -> btcpayInvoice(root, PaymentStatus.EXPIRED, what);
            case BTCPAY_INVOICE_INVALID -> btcpayInvoice(root, PaymentStatus.FAILED, what);
            case BTCPAY_PAYOUT_CREATED, BTCPAY_PAYOUT_APPROVED, BTCPAY_PAYOUT_UPDATED -> btcpayPayout(root, what);
        };
    }

    // --- Stripe ----------------------------------------------------------------------------------------------

    private Outcome stripeIntent(JsonNode intent, PaymentStatus target, String what) {
        Optional<Payment> found = payment("stripe", text(intent, "id"), metadata(intent, "orderhub_payment_id"));
        if (found.isEmpty()) {
            return Outcome.unmatched(what + ": no payment for PaymentIntent " + text(intent, "id"));
        }
        return move(found.get(), target, null, "stripe", what);
    }

    private Outcome stripeRefund(JsonNode object, boolean failedEvent, String what) {
        String reference = text(object, "id");
        String hubRefundId = metadata(object, "orderhub_refund_id");
        Optional<UUID> paymentId = Optional.ofNullable(reference)
                .flatMap(payments::paymentOfRefundReference)
                .or(() -> uuid(hubRefundId).flatMap(payments::paymentOfRefund));
        Optional<Payment> found = paymentId.isPresent()
                ? payments.lock(paymentId.get())
                : payment("stripe", paymentIntentOf(object), null);
        if (found.isEmpty()) {
            return Outcome.unmatched(what + ": no payment for refund " + reference);
        }
        Payment payment = found.get();
        RefundStatus status = failedEvent ? RefundStatus.FAILED : stripeRefundStatus(text(object, "status"));
        Optional<Refund> known = Optional.ofNullable(reference)
                .flatMap(payment::refundByReference)
                .or(() -> uuid(hubRefundId).flatMap(payment::refund));
        boolean changed;
        if (known.isPresent()) {
            changed = payment.updateRefund(known.get(), status, reference, ledger.now());
        } else {
            // A refund made outside the hub (Stripe dashboard): the hub learns it from Stripe.
            payment.addProviderRefund(
                    com.fasterxml.uuid.Generators.timeBasedEpochGenerator().generate(),
                    Money.ofMinorUnits(object.path("amount").asLong(), payment.currency()),
                    status,
                    reference,
                    ledger.now());
            changed = true;
        }
        if (!changed) {
            return Outcome.ignored(payment.id(), what + ": refund " + reference + " already " + status.wireName());
        }
        return settle(payment, PaymentEventType.REFUND_CHANGED, "stripe", what + ": refund " + status.wireName());
    }

    private Outcome stripeChargeRefunded(JsonNode charge, String what) {
        Optional<Payment> found = payment("stripe", paymentIntentOf(charge), null);
        if (found.isEmpty()) {
            return Outcome.unmatched(what + ": no payment for charge " + text(charge, "id"));
        }
        Payment payment = found.get();
        Money cumulative = Money.ofMinorUnits(charge.path("amount_refunded").asLong(), payment.currency());
        if (!payment.applyProviderRefunded(cumulative, ledger.now())) {
            return Outcome.ignored(payment.id(), what + ": " + cumulative + " refunded is already counted");
        }
        return settle(
                payment, PaymentEventType.REFUND_CHANGED, "stripe", what + ": " + cumulative + " refunded in all");
    }

    private Outcome stripeDispute(JsonNode object, String what) {
        Optional<Payment> found = payment("stripe", paymentIntentOf(object), null);
        if (found.isEmpty()) {
            return Outcome.unmatched(what + ": no payment for dispute " + text(object, "id"));
        }
        Payment payment = found.get();
        Dispute before = payment.dispute();
        Dispute dispute = new Dispute(
                text(object, "id"),
                text(object, "status"),
                Money.ofMinorUnits(object.path("amount").asLong(), payment.currency()),
                text(object, "reason"),
                before != null && before.providerReference().equals(text(object, "id"))
                        ? before.createdAt()
                        : ledger.now());
        if (!payment.applyDispute(dispute, ledger.now())) {
            return Outcome.ignored(payment.id(), what + ": dispute already " + dispute.status());
        }
        if ("needs_response".equals(dispute.status()) || "warning_needs_response".equals(dispute.status())) {
            payment.flag("disputed: respond at Stripe");
        }
        return settle(payment, PaymentEventType.DISPUTE_CHANGED, "stripe", what + ": dispute " + dispute.status());
    }

    private static RefundStatus stripeRefundStatus(String status) {
        return switch (String.valueOf(status)) {
            case "succeeded" -> RefundStatus.SUCCEEDED;
            case "failed" -> RefundStatus.FAILED;
            case "canceled" -> RefundStatus.CANCELLED;
            default -> RefundStatus.PENDING;
        };
    }

    /** {@code payment_intent} is an id, or the object itself when expanded. */
    private static String paymentIntentOf(JsonNode object) {
        JsonNode intent = object.path("payment_intent");
        return intent.isObject() ? text(intent, "id") : text(object, "payment_intent");
    }

    // --- BTCPay ----------------------------------------------------------------------------------------------

    private Outcome btcpayInvoice(JsonNode event, PaymentStatus target, String what) {
        Optional<Payment> found = payment("btcpay", text(event, "invoiceId"), metadata(event, "orderhub_payment_id"));
        if (found.isEmpty()) {
            return Outcome.unmatched(what + ": no payment for invoice " + text(event, "invoiceId"));
        }
        Payment payment = found.get();
        if (target == null) {
            return Outcome.ignored(payment.id(), what + ": nothing to apply");
        }
        if (target == PaymentStatus.FAILED && payment.cancelRequestedAt() != null) {
            // The hub itself marked the invoice invalid because the order was cancelled.
            target = PaymentStatus.CANCELLED;
        }
        String attention = null;
        if (event.path("overPaid").asBoolean(false)) {
            attention = "overpaid at BTCPay";
        } else if (target == PaymentStatus.EXPIRED
                && event.path("partiallyPaid").asBoolean(false)) {
            attention = "partially paid before the invoice expired";
        }
        return move(payment, target, attention, "btcpay", what);
    }

    /**
     * A payment on an invoice. Before expiry BTCPay follows it with InvoiceProcessing/InvoiceSettled. After
     * expiry the invoice stays Expired (additionalStatus PaidLate when paid in full), so the hub asks BTCPay for
     * the invoice: a full late payment counts, a partial one is flagged.
     */
    private Outcome btcpayPayment(JsonNode event, String what) {
        Optional<Payment> found = payment("btcpay", text(event, "invoiceId"), metadata(event, "orderhub_payment_id"));
        if (found.isEmpty()) {
            return Outcome.unmatched(what + ": no payment for invoice " + text(event, "invoiceId"));
        }
        Payment payment = found.get();
        if (!event.path("afterExpiration").asBoolean(false) || payment.status().moneyReceived()) {
            return Outcome.ignored(payment.id(), what + ": the invoice's own events carry its status");
        }
        ledger.checkSoon(payment);
        return Outcome.applied(payment.id(), what + ": paid after expiry; asking BTCPay for the invoice");
    }

    private Outcome btcpayPayout(JsonNode event, String what) {
        String pullPayment = text(event, "pullPaymentId");
        Optional<Payment> found = Optional.ofNullable(pullPayment)
                .flatMap(payments::paymentOfRefundReference)
                .flatMap(payments::lock);
        if (found.isEmpty()) {
            return Outcome.unmatched(what + ": no refund for pull payment " + pullPayment);
        }
        Payment payment = found.get();
        Refund refund = payment.refundByReference(pullPayment).orElseThrow();
        String state = text(event, "payoutState");
        if (!"Completed".equals(state)) {
            return Outcome.ignored(payment.id(), what + ": payout " + state + "; the refund counts once it completes");
        }
        if (!payment.updateRefund(refund, RefundStatus.SUCCEEDED, pullPayment, ledger.now())) {
            return Outcome.ignored(
                    payment.id(), what + ": refund already " + refund.status().wireName());
        }
        return settle(payment, PaymentEventType.REFUND_CHANGED, "btcpay", what + ": refund payout completed");
    }

    // --- shared ----------------------------------------------------------------------------------------------

    /** The payment by the provider's reference, else by the hub id in the object's metadata (locked). */
    private Optional<Payment> payment(String provider, String reference, String hubPaymentId) {
        Optional<Payment> byReference =
                reference == null ? Optional.empty() : payments.lockByReference(provider, reference);
        if (byReference.isPresent()) {
            return byReference;
        }
        return uuid(hubPaymentId)
                .flatMap(payments::lock)
                .filter(p -> p.provider().equals(provider)
                        && (p.providerReference() == null
                                || p.providerReference().equals(reference)));
    }

    private Outcome move(Payment payment, PaymentStatus target, String attention, String actor, String what) {
        if (!payment.published()) {
            // The event overtook the creation's second transaction: publish it now, with what the provider says.
            payment.attachReference(payment.providerReference(), null, ledger.now());
            if (payment.wouldMoveTo(target)) {
                payment.moveTo(target, what, ledger.now());
            }
            if (attention != null) {
                payment.flag(attention);
            }
            ledger.publishCreated(payment, actor, what);
            return Outcome.applied(payment.id(), what);
        }
        if (!payment.wouldMoveTo(target)) {
            String why = payment.status() == target
                    ? "already " + target.wireName()
                    : "out of order: " + payment.status().wireName() + " → " + target.wireName()
                            + " is not in the payment table";
            return Outcome.ignored(payment.id(), what + ": " + why);
        }
        PaymentChange change = payment.moveTo(target, what, ledger.now()).orElseThrow();
        if (attention != null) {
            payment.flag(attention);
        }
        ledger.record(payment, change, actor);
        return Outcome.applied(payment.id(), what);
    }

    private Outcome settle(Payment payment, PaymentEventType type, String actor, String what) {
        if (!payment.published()) {
            return Outcome.ignored(payment.id(), what + ": the payment is not created yet");
        }
        payment.settleRefunds(type, what, ledger.now()).ifPresent(change -> ledger.record(payment, change, actor));
        return Outcome.applied(payment.id(), what);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static String metadata(JsonNode node, String field) {
        return text(node.path("metadata"), field);
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
