package io.orderhub.payments.payment;

import io.orderhub.events.PaymentEventType;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment and its refunds and dispute: the aggregate that keeps the contract's status table, the refunded
 * amount (confirmed refunds or the provider's cumulative figure, whichever is higher, plus a lost dispute,
 * never above the amount) and the flags that need a human. Changes return a {@link PaymentChange} that the
 * {@link PaymentLedger} turns into a version, a history row and an event.
 */
public final class Payment {

    private final UUID id;
    private final UUID orderId;
    private final String source;
    private final String provider;
    private final Money amount;
    private final boolean recorded;
    private final String sourcePaymentId;
    private final String returnUrl;
    private final String metadataJson;
    private final String method;
    private final Instant createdAt;
    private final List<Refund> refunds;
    private PaymentStatus status;
    private long version;
    private Money refundedAmount;
    private Money providerRefunded;
    private String providerReference;
    private String nextActionJson;
    private boolean needsAttention;
    private String attentionReason;
    private Dispute dispute;
    private Instant cancelRequestedAt;
    private Instant updatedAt;

    Payment(
            UUID id,
            UUID orderId,
            String source,
            String provider,
            Money amount,
            boolean recorded,
            String sourcePaymentId,
            String returnUrl,
            String metadataJson,
            String method,
            Instant createdAt,
            List<Refund> refunds,
            PaymentStatus status,
            long version,
            Money refundedAmount,
            Money providerRefunded,
            String providerReference,
            String nextActionJson,
            boolean needsAttention,
            String attentionReason,
            Dispute dispute,
            Instant cancelRequestedAt,
            Instant updatedAt) {
        this.id = id;
        this.orderId = orderId;
        this.source = source;
        this.provider = provider;
        this.amount = amount;
        this.recorded = recorded;
        this.sourcePaymentId = sourcePaymentId;
        this.returnUrl = returnUrl;
        this.metadataJson = metadataJson;
        this.method = method;
        this.createdAt = createdAt;
        this.refunds = new ArrayList<>(refunds);
        this.status = status;
        this.version = version;
        this.refundedAmount = refundedAmount;
        this.providerRefunded = providerRefunded;
        this.providerReference = providerReference;
        this.nextActionJson = nextActionJson;
        this.needsAttention = needsAttention;
        this.attentionReason = attentionReason;
        this.dispute = dispute;
        this.cancelRequestedAt = cancelRequestedAt;
        this.updatedAt = updatedAt;
    }

    /**
     * A new payment, not yet published (version 0): the ledger publishes it as {@code CREATED}. Pending and
     * not recorded unless told otherwise; the rest is optional.
     */
    public static Start start(UUID id, UUID orderId, String source, String provider, Money amount) {
        return new Start(id, orderId, source, provider, amount);
    }

    /** What a new payment starts with beyond its identity and amount; {@link #at} creates it. */
    public static final class Start {

        private final UUID id;
        private final UUID orderId;
        private final String source;
        private final String provider;
        private final Money amount;
        private PaymentStatus status = PaymentStatus.PENDING;
        private boolean recorded;
        private String providerReference;
        private String sourcePaymentId;
        private String returnUrl;
        private String metadataJson;
        private String method;

        private Start(UUID id, UUID orderId, String source, String provider, Money amount) {
            this.id = id;
            this.orderId = orderId;
            this.source = source;
            this.provider = provider;
            this.amount = amount;
        }

        public Start status(PaymentStatus value) {
            status = value;
            return this;
        }

        /** A payment the channel collected itself and only records here, under the provider's reference. */
        public Start recorded(String reference) {
            recorded = true;
            providerReference = reference;
            return this;
        }

        public Start providerReference(String value) {
            providerReference = value;
            return this;
        }

        public Start sourcePaymentId(String value) {
            sourcePaymentId = value;
            return this;
        }

        public Start returnUrl(String value) {
            returnUrl = value;
            return this;
        }

        public Start metadataJson(String value) {
            metadataJson = value;
            return this;
        }

        /** How the provider collects it, when not its online checkout ({@code card_present}: Stripe Terminal). */
        public Start method(String value) {
            method = value;
            return this;
        }

        /** The payment, created now: nothing refunded, no next action, attention, dispute or cancellation yet. */
        public Payment at(Instant now) {
            Money zero = Money.zero(amount.currency());
            return new Payment(
                    id,
                    orderId,
                    source,
                    provider,
                    amount,
                    recorded,
                    sourcePaymentId,
                    returnUrl,
                    metadataJson,
                    method,
                    now,
                    List.of(),
                    status,
                    0,
                    zero,
                    zero,
                    providerReference,
                    null,
                    false,
                    null,
                    null,
                    null,
                    now);
        }
    }

    /**
     * Moves to another status. Empty when it is already there; {@link IllegalTransition} when the table
     * forbids the move.
     */
    public Optional<PaymentChange> moveTo(PaymentStatus target, String reason, Instant now) {
        if (status == target) {
            return Optional.empty();
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition(status, target);
        }
        PaymentStatus previous = status;
        status = target;
        updatedAt = now;
        return Optional.of(new PaymentChange(PaymentEventType.STATUS_CHANGED, previous, reason));
    }

    /** Whether {@link #moveTo} would change something. */
    public boolean wouldMoveTo(PaymentStatus target) {
        return status != target && status.canMoveTo(target);
    }

    /** The provider's reference and what the customer must do next, once the provider created the payment. */
    public void attachReference(String reference, String nextAction, Instant now) {
        if (providerReference == null) {
            providerReference = reference;
        }
        if (nextAction != null) {
            nextActionJson = nextAction;
        }
        updatedAt = now;
    }

    /** What is left to refund: the amount less confirmed and pending refunds and a lost dispute. */
    public Money refundable() {
        Money reserved = refundedAmount;
        Money pending = refunds.stream()
                .filter(r -> r.status() == RefundStatus.PENDING)
                .map(Refund::amount)
                .reduce(Money.zero(currency()), Money::plus);
        return amount.minus(reserved).minus(pending).max(Money.zero(currency()));
    }

    /** A new pending refund; the amount must fit into what is left and the payment must have received money. */
    public Refund requestRefund(
            UUID refundId, Money refundAmount, String reason, String requestedBy, boolean system, Instant now) {
        if (!status.refundable()) {
            throw new RefundRejected("A " + status.wireName() + " payment cannot be refunded", true);
        }
        if (!refundAmount.isPositive()) {
            throw new RefundRejected("must be greater than zero", false);
        }
        Money left = refundable();
        if (refundAmount.compareTo(left) > 0) {
            throw new RefundRejected(
                    "is above what is left to refund (" + left.amount().toPlainString() + " " + currency() + ")",
                    false);
        }
        Refund refund =
                new Refund(refundId, refundAmount, RefundStatus.PENDING, reason, null, requestedBy, system, now, now);
        refunds.add(refund);
        updatedAt = now;
        return refund;
    }

    /** A refund the hub did not start (Stripe dashboard, BTCPay UI), learned from the provider. */
    public Refund addProviderRefund(
            UUID refundId, Money refundAmount, RefundStatus refundStatus, String reference, Instant now) {
        Refund refund = new Refund(refundId, refundAmount, refundStatus, null, reference, provider, false, now, now);
        refunds.add(refund);
        updatedAt = now;
        return refund;
    }

    /** A recorded payment's refund, or a manual one: no provider to ask, so it is confirmed at once. */
    public Refund recordRefund(UUID refundId, Money refundAmount, String reason, String requestedBy, Instant now) {
        Refund refund = requestRefund(refundId, refundAmount, reason, requestedBy, false, now);
        refund.changeStatus(RefundStatus.SUCCEEDED, now);
        return refund;
    }

    public Optional<Refund> refund(UUID refundId) {
        return refunds.stream().filter(r -> r.id().equals(refundId)).findFirst();
    }

    public Optional<Refund> refundByReference(String reference) {
        return refunds.stream()
                .filter(r -> reference.equals(r.providerReference()))
                .findFirst();
    }

    /** Moves a refund on; answers whether anything changed. */
    public boolean updateRefund(Refund refund, RefundStatus next, String reference, Instant now) {
        boolean changed = refund.attachReference(reference, now);
        if (next == RefundStatus.FAILED && refund.status() == RefundStatus.PENDING && providerRefunded.isPositive()) {
            // A failed refund gives back what Stripe's cumulative amount_refunded had counted of it.
            providerRefunded = providerRefunded.minus(refund.amount()).max(Money.zero(currency()));
        }
        changed |= refund.changeStatus(next, now);
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** Stripe's {@code charge.refunded}: the charge's cumulative refunded amount, applied as it is, never added. */
    public boolean applyProviderRefunded(Money cumulative, Instant now) {
        if (cumulative.compareTo(providerRefunded) <= 0) {
            return false;
        }
        providerRefunded = cumulative;
        updatedAt = now;
        return true;
    }

    public boolean applyDispute(Dispute next, Instant now) {
        if (Objects.equals(dispute, next)) {
            return false;
        }
        dispute = next;
        updatedAt = now;
        return true;
    }

    /**
     * Recomputes the refunded amount and, for a payment that received money, moves it to partially refunded or
     * refunded. Answers the status change, if any.
     */
    public Optional<PaymentChange> settleRefunds(PaymentEventType type, String reason, Instant now) {
        Money confirmed = refunds.stream()
                .filter(r -> r.status() == RefundStatus.SUCCEEDED)
                .map(Refund::amount)
                .reduce(Money.zero(currency()), Money::plus);
        Money lostDispute = dispute != null && dispute.lost() ? dispute.amount() : Money.zero(currency());
        refundedAmount = confirmed.max(providerRefunded).plus(lostDispute).min(amount);
        PaymentStatus target = null;
        if (status.refundable() && refundedAmount.isPositive()) {
            target = refundedAmount.compareTo(amount) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        }
        PaymentStatus previous = status;
        if (target != null && status.canMoveTo(target)) {
            status = target;
        }
        updatedAt = now;
        return Optional.of(new PaymentChange(type, previous, reason));
    }

    public void flag(String reason) {
        if (needsAttention && attentionReason != null && attentionReason.contains(reason)) {
            return;
        }
        attentionReason = needsAttention && attentionReason != null ? attentionReason + "; " + reason : reason;
        needsAttention = true;
    }

    public void requestCancellation(Instant now) {
        if (cancelRequestedAt == null) {
            cancelRequestedAt = now;
        }
    }

    void clearCancellationRequest() {
        cancelRequestedAt = null;
    }

    void advanceVersion(Instant now) {
        version++;
        updatedAt = now;
    }

    /** A payment that goes through a provider the hub calls (not recorded, not manual). */
    public boolean providerDriven() {
        return !recorded;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public String source() {
        return source;
    }

    public String provider() {
        return provider;
    }

    public Money amount() {
        return amount;
    }

    public CurrencyCode currency() {
        return amount.currency();
    }

    public boolean recorded() {
        return recorded;
    }

    public String sourcePaymentId() {
        return sourcePaymentId;
    }

    public String returnUrl() {
        return returnUrl;
    }

    public String metadataJson() {
        return metadataJson;
    }

    /** {@code card_present} for a Stripe Terminal payment; null for the provider's online checkout. */
    public String method() {
        return method;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Refund> refunds() {
        return refunds.stream().sorted(Comparator.comparing(Refund::createdAt)).toList();
    }

    public PaymentStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    /** Published: the provider confirmed it (or nothing had to be asked). */
    public boolean published() {
        return version > 0;
    }

    public Money refundedAmount() {
        return refundedAmount;
    }

    public Money providerRefunded() {
        return providerRefunded;
    }

    public String providerReference() {
        return providerReference;
    }

    public String nextActionJson() {
        return nextActionJson;
    }

    public boolean needsAttention() {
        return needsAttention;
    }

    public String attentionReason() {
        return attentionReason;
    }

    public Dispute dispute() {
        return dispute;
    }

    public Instant cancelRequestedAt() {
        return cancelRequestedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
