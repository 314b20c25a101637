package io.orderhub.payments.providerevent;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.PaymentEventType;
import io.orderhub.events.ProviderEvent;
import io.orderhub.messaging.id.Ids;
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
import io.orderhub.payments.providerevent.ProviderReport.AboutPayment;
import io.orderhub.payments.providerevent.ProviderReport.DisputeChange;
import io.orderhub.payments.providerevent.ProviderReport.InvoicePayment;
import io.orderhub.payments.providerevent.ProviderReport.PaymentOutcome;
import io.orderhub.payments.providerevent.ProviderReport.PaymentRef;
import io.orderhub.payments.providerevent.ProviderReport.PayoutChange;
import io.orderhub.payments.providerevent.ProviderReport.RefundChange;
import io.orderhub.payments.providerevent.ProviderReport.RefundedInAll;
import io.orderhub.payments.providerevent.ProviderReport.Unreadable;
import io.orderhub.schemas.EventTopic;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one provider webhook, once: the Kafka record through the inbox, the provider's event (Stripe
 * {@code evt_} id, BTCPay {@code originalDeliveryId}) through the provider event log, because a provider's
 * retry arrives as a new record. {@link StripeEvents} and {@link BtcpayEvents} read the raw payload as a
 * {@link ProviderReport}; this applies it. Moves the payment table does not allow, and events for payments the
 * hub does not know, are recorded with their outcome and never fail the consumer.
 */
@Service
public class ApplyProviderEvent {

    private static final Logger log = LoggerFactory.getLogger(ApplyProviderEvent.class);

    /** The history reason and provider event type of what a reconciliation run applies. */
    public static final String RECONCILIATION = "reconciliation";

    private final Inbox inbox;
    private final ProviderEventLog eventLog;
    private final StripeEvents stripe;
    private final BtcpayEvents btcpay;
    private final PaymentRepository payments;
    private final PaymentLedger ledger;
    private final MeterRegistry meters;

    ApplyProviderEvent(
            Inbox inbox,
            ProviderEventLog eventLog,
            StripeEvents stripe,
            BtcpayEvents btcpay,
            PaymentRepository payments,
            PaymentLedger ledger,
            MeterRegistry meters) {
        this.inbox = inbox;
        this.eventLog = eventLog;
        this.stripe = stripe;
        this.btcpay = btcpay;
        this.payments = payments;
        this.ledger = ledger;
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
        ProviderReport report = switch (event.getProvider()) {
            case STRIPE -> stripe.read(event.getType(), event.getPayload());
            case BTCPAY -> btcpay.read(event.getType(), event.getPayload());
        };
        Outcome outcome = apply(report, event.getProviderEventType() + " " + event.getProviderEventId());
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

    /**
     * A reconciliation's finding that the provider reports {@code status} for the payment it lists as
     * {@code reference}: applied exactly as the provider's webhook would be (same lookup, same move, same outcome
     * record), recorded in the provider event log as {@code reconciliation:<reference>:<status>}. So it applies once:
     * a second run finds it recorded, and the webhook arriving later finds the payment already there. The
     * payment's history reason is {@code reconciliation}. Answers whether it changed the payment.
     */
    @Transactional
    public boolean reconcile(String provider, String reference, String hubPaymentId, PaymentStatus status) {
        PaymentRef ref = new PaymentRef(provider, reference, hubPaymentId, reference);
        return reconciled(
                provider,
                RECONCILIATION + ":" + reference + ":" + status.wireName(),
                reference,
                () -> apply(new PaymentOutcome(ref, status, null, false), RECONCILIATION));
    }

    /**
     * A reconciliation's finding that BTCPay completed the payout of the hub's pending refund made as pull payment
     * {@code pullPaymentId}: applied exactly as the {@code PayoutUpdated} webhook with state {@code Completed}
     * would be, recorded in the provider event log as {@code reconciliation:<pull payment>:refund_succeeded}, with
     * history reason {@code reconciliation}. Answers whether it changed the payment.
     */
    @Transactional
    public boolean reconcileRefund(String provider, String pullPaymentId) {
        return reconciled(
                provider,
                RECONCILIATION + ":" + pullPaymentId + ":refund_succeeded",
                pullPaymentId,
                () -> payout(new PayoutChange(pullPaymentId, "Completed"), RECONCILIATION, RECONCILIATION));
    }

    private boolean reconciled(String provider, String eventId, String reference, Supplier<Outcome> application) {
        Instant now = ledger.now();
        if (!eventLog.firstSeen(provider, eventId, Ids.next(), RECONCILIATION, reference, now, now)) {
            count(provider, "duplicate");
            return false;
        }
        Outcome outcome = application.get();
        eventLog.outcome(provider, eventId, outcome);
        count(provider, outcome.kind().wireName());
        return outcome.kind() == Outcome.Kind.APPLIED;
    }

    private void count(ProviderEvent event, String outcome) {
        count(event.getProvider().name().toLowerCase(Locale.ROOT), outcome);
    }

    private void count(String provider, String outcome) {
        meters.counter("orderhub.payments.provider.events", "provider", provider, "outcome", outcome)
                .increment();
    }

    private Outcome apply(ProviderReport report, String what) {
        if (report instanceof AboutPayment about) {
            Optional<Payment> found = payment(about.payment());
            if (found.isEmpty()) {
                return Outcome.unmatched(
                        what + ": no payment for " + about.payment().named());
            }
            return apply(found.get(), about, what);
        }
        if (report instanceof RefundChange refund) {
            return refund(refund, what);
        }
        if (report instanceof PayoutChange payout) {
            return payout(payout, what, what + ": refund payout completed");
        }
        return Outcome.ignored(null, ((Unreadable) report).why());
    }

    private Outcome apply(Payment payment, AboutPayment report, String what) {
        if (report instanceof PaymentOutcome outcome) {
            return move(payment, outcome, what);
        }
        if (report instanceof InvoicePayment invoicePayment) {
            return invoicePayment(payment, invoicePayment, what);
        }
        if (report instanceof RefundedInAll refunded) {
            return refundedInAll(payment, refunded, what);
        }
        if (report instanceof DisputeChange dispute) {
            return dispute(payment, dispute, what);
        }
        return Outcome.ignored(payment.id(), what + ": nothing to apply");
    }

    private Outcome refund(RefundChange report, String what) {
        Optional<UUID> paymentId = Optional.ofNullable(report.reference())
                .flatMap(payments::paymentOfRefundReference)
                .or(() -> uuid(report.hubRefundId()).flatMap(payments::paymentOfRefund));
        Optional<Payment> found = paymentId.isPresent() ? payments.lock(paymentId.get()) : payment(report.payment());
        if (found.isEmpty()) {
            return Outcome.unmatched(
                    what + ": no payment for " + report.payment().named());
        }
        Payment payment = found.get();
        RefundStatus status = report.status();
        Optional<Refund> known = Optional.ofNullable(report.reference())
                .flatMap(payment::refundByReference)
                .or(() -> uuid(report.hubRefundId()).flatMap(payment::refund));
        boolean changed;
        if (known.isPresent()) {
            changed = payment.updateRefund(known.get(), status, report.reference(), ledger.now());
        } else {
            // A refund made outside the hub (Stripe dashboard): the hub learns it from Stripe.
            payment.addProviderRefund(
                    Ids.next(),
                    Money.ofMinorUnits(report.amountMinor(), payment.currency()),
                    status,
                    report.reference(),
                    ledger.now());
            changed = true;
        }
        if (!changed) {
            return Outcome.ignored(
                    payment.id(), what + ": refund " + report.reference() + " already " + status.wireName());
        }
        return settle(payment, PaymentEventType.REFUND_CHANGED, "stripe", what + ": refund " + status.wireName());
    }

    private Outcome refundedInAll(Payment payment, RefundedInAll report, String what) {
        Money cumulative = Money.ofMinorUnits(report.amountRefundedMinor(), payment.currency());
        if (!payment.applyProviderRefunded(cumulative, ledger.now())) {
            return Outcome.ignored(payment.id(), what + ": " + cumulative + " refunded is already counted");
        }
        return settle(
                payment, PaymentEventType.REFUND_CHANGED, "stripe", what + ": " + cumulative + " refunded in all");
    }

    private Outcome dispute(Payment payment, DisputeChange report, String what) {
        Dispute before = payment.dispute();
        Dispute dispute = new Dispute(
                report.reference(),
                report.status(),
                Money.ofMinorUnits(report.amountMinor(), payment.currency()),
                report.reason(),
                before != null && before.providerReference().equals(report.reference())
                        ? before.createdAt()
                        : ledger.now());
        if (!payment.applyDispute(dispute, ledger.now())) {
            return Outcome.ignored(payment.id(), what + ": dispute already " + dispute.status());
        }
        if (report.needsResponse()) {
            payment.flag("disputed: respond at Stripe");
        }
        return settle(payment, PaymentEventType.DISPUTE_CHANGED, "stripe", what + ": dispute " + dispute.status());
    }

    /**
     * A payment on a BTCPay invoice. Before expiry BTCPay follows it with InvoiceProcessing/InvoiceSettled. After
     * expiry the invoice stays Expired (additionalStatus PaidLate when paid in full), so the hub asks BTCPay for
     * the invoice: a full late payment counts, a partial one is flagged.
     */
    private Outcome invoicePayment(Payment payment, InvoicePayment report, String what) {
        if (!report.afterExpiration() || payment.status().moneyReceived()) {
            return Outcome.ignored(payment.id(), what + ": the invoice's own events carry its status");
        }
        ledger.checkSoon(payment);
        return Outcome.applied(payment.id(), what + ": paid after expiry; asking BTCPay for the invoice");
    }

    private Outcome payout(PayoutChange report, String what, String reason) {
        String pullPayment = report.pullPaymentId();
        Optional<Payment> found = Optional.ofNullable(pullPayment)
                .flatMap(payments::paymentOfRefundReference)
                .flatMap(payments::lock);
        if (found.isEmpty()) {
            return Outcome.unmatched(what + ": no refund for pull payment " + pullPayment);
        }
        Payment payment = found.get();
        Refund refund = payment.refundByReference(pullPayment).orElseThrow();
        if (!report.completed()) {
            return Outcome.ignored(
                    payment.id(), what + ": payout " + report.payoutState() + "; the refund counts once it completes");
        }
        if (!payment.updateRefund(refund, RefundStatus.SUCCEEDED, pullPayment, ledger.now())) {
            return Outcome.ignored(
                    payment.id(), what + ": refund already " + refund.status().wireName());
        }
        return settle(payment, PaymentEventType.REFUND_CHANGED, "btcpay", reason);
    }

    /** The payment by the provider's reference, else by the hub id in the object's metadata (locked). */
    private Optional<Payment> payment(PaymentRef ref) {
        Optional<Payment> byReference =
                ref.reference() == null ? Optional.empty() : payments.lockByReference(ref.provider(), ref.reference());
        if (byReference.isPresent()) {
            return byReference;
        }
        return uuid(ref.hubPaymentId())
                .flatMap(payments::lock)
                .filter(p -> p.provider().equals(ref.provider())
                        && (p.providerReference() == null
                                || p.providerReference().equals(ref.reference())));
    }

    private Outcome move(Payment payment, PaymentOutcome report, String what) {
        PaymentStatus target = report.status();
        if (target == PaymentStatus.FAILED
                && report.failureMeansCancelledIfRequested()
                && payment.cancelRequestedAt() != null) {
            target = PaymentStatus.CANCELLED;
        }
        String attention = report.attention();
        String actor = report.payment().provider();
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
