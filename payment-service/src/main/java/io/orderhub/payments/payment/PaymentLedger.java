package io.orderhub.payments.payment;

import io.orderhub.events.PaymentEventType;
import io.orderhub.messaging.id.Ids;
import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.money.Money;
import io.orderhub.payments.order.OrderView;
import io.orderhub.payments.order.Orders;
import io.orderhub.schemas.EventTopic;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every change of a payment is written: the new version, the payment row (locked by the caller), the
 * history row and the outbox event, in the caller's transaction. When a payment has just received money, it
 * checks the order: money for a cancelled order is flagged (and refunded when {@code AUTO_REFUND_CANCELLED}),
 * money beyond the order's total is flagged as overpayment.
 */
@Component
public class PaymentLedger {

    private static final Logger log = LoggerFactory.getLogger(PaymentLedger.class);

    public static final String SYSTEM = "system";

    private final PaymentRepository repository;
    private final Outbox outbox;
    private final Orders orders;
    private final PaymentSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PaymentChangeMetrics changes;

    PaymentLedger(
            PaymentRepository repository,
            Outbox outbox,
            Orders orders,
            PaymentSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            PaymentChangeMetrics changes) {
        this.repository = repository;
        this.outbox = outbox;
        this.orders = orders;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.changes = changes;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Stores a payment that is not yet published (version 0), before its provider is asked; false when its
     * request key or source payment id is taken. The repair job looks at it after the repair delay, so one left
     * without a reference (the provider failed or the process died) is settled.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reserve(Payment payment, RequestKey requestKey) {
        return repository.insert(payment, requestKey, payment.createdAt().plus(settings.repairAfter()));
    }

    /** Publishes a stored payment as created (version 1). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publishCreated(Payment payment, String actor, String reason) {
        if (payment.status().moneyReceived()) {
            moneyReceived(payment);
        }
        write(payment, new PaymentChange(PaymentEventType.CREATED, null, reason), actor);
    }

    /** Writes one change of a published payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Payment payment, PaymentChange change, String actor) {
        if (change.previousStatus() != null
                && !change.previousStatus().moneyReceived()
                && payment.status().moneyReceived()) {
            moneyReceived(payment);
        }
        write(payment, change, actor);
    }

    /**
     * Marks an open provider payment for cancellation (its order was cancelled): bookkeeping, not a change of
     * the payment, which changes when its provider answers. The repair worker asks right after the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestCancellation(Payment payment) {
        payment.requestCancellation(now());
        repository.save(payment);
        repository.scheduleCheck(payment.id(), now(), false);
        events.publishEvent(new ProviderWorkQueued());
    }

    /**
     * Stores what the customer must do next for a payment that a provider event already published: presentation
     * for the API answer, not a change of the payment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void storeNextAction(Payment payment, String reference, String nextAction) {
        payment.attachReference(reference, nextAction, payment.updatedAt());
        repository.save(payment);
    }

    /** Asks the repair worker to look at the payment now (a late payment the provider must confirm). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkSoon(Payment payment) {
        repository.scheduleCheck(payment.id(), now(), false);
        events.publishEvent(new ProviderWorkQueued());
    }

    private void write(Payment payment, PaymentChange change, String actor) {
        Instant now = now();
        payment.advanceVersion(now);
        repository.save(payment);
        repository.insertHistory(payment, change, actor);
        outbox.append(
                EventTopic.PAYMENT_EVENTS, "payment", payment.orderId(), PaymentEvents.of(payment, change, actor));
        schedule(payment, now);
        changes.increment(change.type(), payment.status());
        try (MDC.MDCCloseable paymentId =
                        MDC.putCloseable("payment_id", payment.id().toString());
                MDC.MDCCloseable orderId =
                        MDC.putCloseable("order_id", payment.orderId().toString())) {
            log.info(
                    "Payment {} of order {} v{}: {} {} -> {} by {}",
                    payment.id(),
                    payment.orderId(),
                    payment.version(),
                    change.type(),
                    change.previousStatus() == null ? "-" : change.previousStatus(),
                    payment.status(),
                    actor);
        }
    }

    private void schedule(Payment payment, Instant now) {
        boolean work = false;
        if (payment.cancelRequestedAt() != null && payment.status().open()) {
            repository.scheduleCheck(payment.id(), now, false);
            work = true;
        } else if (payment.providerDriven() && payment.status().open()) {
            repository.scheduleCheck(payment.id(), now.plus(settings.repairAfter()), false);
        } else {
            if (payment.cancelRequestedAt() != null) {
                payment.clearCancellationRequest();
                repository.save(payment);
            }
            repository.scheduleCheck(payment.id(), null, false);
        }
        repository.scheduleNewRefunds(payment.id(), now.plus(settings.repairAfter()), now);
        if (payment.refunds().stream()
                .anyMatch(r -> r.system() && r.status() == RefundStatus.PENDING && r.providerReference() == null)) {
            work = true;
        }
        if (work) {
            events.publishEvent(new ProviderWorkQueued());
        }
    }

    private void moneyReceived(Payment payment) {
        Optional<OrderView> order = orders.find(payment.orderId());
        if (order.isEmpty()) {
            return;
        }
        if (order.get().cancelled()) {
            payment.flag("paid on a cancelled order");
            if (settings.autoRefundCancelled() && payment.providerDriven()) {
                Money left = payment.refundable();
                if (left.isPositive()) {
                    payment.requestRefund(
                            Ids.next(), left, "automatic refund: the order was cancelled", SYSTEM, true, now());
                }
            } else if (!settings.autoRefundCancelled()) {
                payment.flag("refund it by hand or set AUTO_REFUND_CANCELLED");
            } else {
                payment.flag("recorded by the channel: refund it at " + payment.provider());
            }
            return;
        }
        Money received = Money.of(repository.netReceived(payment.orderId(), payment.id()), payment.currency())
                .plus(payment.amount().minus(payment.refundedAmount()));
        if (received.compareTo(order.get().grandTotal()) > 0) {
            payment.flag("overpaid: " + received.amount().toPlainString() + " received for a grand total of "
                    + order.get().grandTotal().amount().toPlainString() + " " + payment.currency());
        }
    }
}
