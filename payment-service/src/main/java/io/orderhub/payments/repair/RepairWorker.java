package io.orderhub.payments.repair;

import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentLedger;
import io.orderhub.payments.payment.PaymentRepository;
import io.orderhub.payments.payment.PaymentSettings;
import io.orderhub.payments.payment.ProviderWorkQueued;
import io.orderhub.payments.payment.Refund;
import io.orderhub.payments.payment.RefundStatus;
import io.orderhub.payments.provider.ApplyProviderState;
import io.orderhub.payments.provider.ApplyRefundState;
import io.orderhub.payments.provider.PaymentProvider;
import io.orderhub.payments.provider.ProviderFailure;
import io.orderhub.payments.provider.ProviderState;
import io.orderhub.payments.provider.Providers;
import io.orderhub.payments.provider.RefundState;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes sure a missed webhook never leaves a payment wrong. Every {@code repairInterval} (and right after a
 * transaction queued provider work) it claims what is due, under a lease so that any number of instances share
 * the work without doing it twice, and asks the provider, outside any transaction:
 *
 * <ul>
 *   <li>payments the hub reserved but never published (the creation's provider call failed or its answer was
 *       lost): found at the provider and published, or published as failed when the provider has none;
 *   <li>payments still open {@code PAYMENT_REPAIR_AFTER} after their last change, and late payments a webhook
 *       announced: re-fetched and moved as the table allows;
 *   <li>open payments of cancelled orders: cancelled at the provider;
 *   <li>pending refunds: re-fetched; refunds the hub started itself (cancelled orders) are submitted.
 * </ul>
 *
 * Nothing answers "unchanged" forever: each check that changes nothing doubles the wait before the next, up to
 * six hours.
 */
@Component
class RepairWorker {

    private static final Logger log = LoggerFactory.getLogger(RepairWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_WAIT = Duration.ofHours(6);
    private static final int BATCH = 20;

    private final RepairSteps steps;
    private final Providers providers;
    private final ApplyProviderState applyProviderState;
    private final ApplyRefundState applyRefundState;
    private final PaymentSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "payment-repair");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    RepairWorker(
            RepairSteps steps,
            Providers providers,
            ApplyProviderState applyProviderState,
            ApplyRefundState applyRefundState,
            PaymentSettings settings,
            Clock clock) {
        this.steps = steps;
        this.providers = providers;
        this.applyProviderState = applyProviderState;
        this.applyRefundState = applyRefundState;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long interval = settings.repairInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Work queued by a transaction starts once it committed; wake-ups arriving meanwhile are merged. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ProviderWorkQueued event) {
        if (wakeUpPending.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpPending.set(false);
                runSafely();
            });
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("Payment repair round failed; the next round retries", e);
        }
    }

    /** One round: everything due now, in batches. */
    void runOnce() {
        while (true) {
            List<UUID> payments = steps.claimPayments(clock.instant(), LEASE, BATCH);
            payments.forEach(this::repairPayment);
            List<PaymentRepository.DueRefund> refunds = steps.claimRefunds(clock.instant(), LEASE, BATCH);
            refunds.forEach(this::repairRefund);
            if (payments.isEmpty() && refunds.isEmpty()) {
                return;
            }
        }
    }

    private void repairPayment(UUID id) {
        try {
            repair(id);
        } catch (ProviderFailure failure) {
            log.warn("Repair of payment {} failed: {}", id, failure.getMessage());
            retryLater(id, failure.getMessage());
        }
    }

    /**
     * Repairs one payment now, on the caller's thread, as a round would. A provider's failure is the caller's to
     * report; the next check is scheduled as after any failure. A round checking the same payment meanwhile
     * does no harm: the provider's state is applied under the payment's lock, once.
     */
    void repairNow(UUID id) {
        try {
            repair(id);
        } catch (ProviderFailure failure) {
            retryLater(id, failure.getMessage());
            throw failure;
        }
    }

    private void repair(UUID id) {
        Optional<Payment> loaded = steps.load(id);
        if (loaded.isEmpty()
                || loaded.get().recorded()
                || !providers.isCalled(loaded.get().provider())) {
            steps.schedulePayment(id, null, false);
            return;
        }
        Payment payment = loaded.get();
        PaymentProvider provider = providers.get(payment.provider());
        if (!payment.published() || payment.providerReference() == null) {
            Optional<ProviderState> found = provider.find(payment);
            if (found.isEmpty()) {
                if (payment.createdAt().isBefore(clock.instant().minus(settings.neverCreatedAfter()))) {
                    applyProviderState.neverCreated(id, PaymentLedger.SYSTEM);
                } else {
                    steps.schedulePayment(id, payment.createdAt().plus(settings.neverCreatedAfter()), false);
                }
                return;
            }
            payment = applyProviderState
                    .apply(id, found.get(), PaymentLedger.SYSTEM, "repair: found at " + provider.name())
                    .payment();
        }
        if (payment.cancelRequestedAt() != null && payment.status().open()) {
            ProviderState state = provider.cancel(payment);
            payment = applyProviderState
                    .apply(
                            id,
                            state,
                            PaymentLedger.SYSTEM,
                            "cancelled at " + provider.name() + ": the order was cancelled")
                    .payment();
            if (payment.status().open()) {
                retryLater(id, "the provider could not cancel it yet");
            }
            return;
        }
        Optional<ProviderState> state = provider.find(payment);
        boolean changed = state.isPresent()
                && applyProviderState
                        .apply(id, state.get(), PaymentLedger.SYSTEM, "repair: " + provider.name() + " reports it")
                        .changed();
        if (!changed) {
            Payment now = steps.load(id).orElseThrow();
            steps.schedulePayment(
                    id,
                    now.status().open()
                            ? clock.instant().plus(wait(steps.paymentChecks(id), settings.repairAfter()))
                            : null,
                    true);
        }
    }

    private void retryLater(UUID id, String why) {
        log.info("Payment {}: {}; asking again later", id, why);
        steps.schedulePayment(id, clock.instant().plus(wait(steps.paymentChecks(id), shortWait())), true);
    }

    private void repairRefund(PaymentRepository.DueRefund due) {
        Optional<Payment> loaded = steps.load(due.paymentId());
        Optional<Refund> refund = loaded.flatMap(p -> p.refund(due.refundId()));
        if (refund.isEmpty() || refund.get().status().isFinal()) {
            steps.scheduleRefund(due.refundId(), null, false);
            return;
        }
        Payment payment = loaded.get();
        PaymentProvider provider = providers.forPayment(payment);
        try {
            Optional<RefundState> state = provider.findRefund(payment, refund.get());
            if (state.isEmpty() && refund.get().system()) {
                // The hub's own refund (money for a cancelled order): submitted here, with its id as idempotency key.
                state = Optional.of(provider.refund(payment, refund.get()));
            }
            if (state.isEmpty()) {
                if (refund.get().createdAt().isBefore(clock.instant().minus(settings.neverCreatedAfter()))) {
                    applyRefundState.apply(
                            payment.id(),
                            refund.get().id(),
                            new RefundState(null, RefundStatus.FAILED),
                            PaymentLedger.SYSTEM,
                            "repair: " + provider.name() + " never received it");
                } else {
                    steps.scheduleRefund(
                            due.refundId(), refund.get().createdAt().plus(settings.repairAfter()), false);
                }
                return;
            }
            boolean changed = applyRefundState.apply(
                    payment.id(),
                    refund.get().id(),
                    state.get(),
                    PaymentLedger.SYSTEM,
                    "repair: " + provider.name() + " reports it");
            if (!changed || !state.get().status().isFinal()) {
                steps.scheduleRefund(
                        due.refundId(),
                        clock.instant().plus(wait(steps.refundChecks(due.refundId()), settings.repairAfter())),
                        true);
            }
        } catch (ProviderFailure failure) {
            log.warn("Repair of refund {} at {} failed: {}", due.refundId(), provider.name(), failure.getMessage());
            steps.scheduleRefund(
                    due.refundId(), clock.instant().plus(wait(steps.refundChecks(due.refundId()), shortWait())), true);
        }
    }

    private Duration shortWait() {
        return settings.repairAfter().compareTo(Duration.ofMinutes(1)) < 0
                ? settings.repairAfter()
                : Duration.ofMinutes(1);
    }

    /** Doubles with each check that changed nothing, up to six hours. */
    private static Duration wait(int checks, Duration base) {
        Duration wait = base.multipliedBy(1L << Math.min(checks, 16));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
