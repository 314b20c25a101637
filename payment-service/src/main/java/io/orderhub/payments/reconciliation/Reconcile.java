package io.orderhub.payments.reconciliation;

import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentRepository.Booked;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.RefundStatus;
import io.orderhub.payments.provider.ProviderBooks;
import io.orderhub.payments.provider.ProviderFailure;
import io.orderhub.payments.provider.ProviderPayment;
import io.orderhub.payments.provider.ProviderRefund;
import io.orderhub.payments.provider.ProviderState;
import io.orderhub.payments.provider.Providers;
import io.orderhub.payments.providerevent.ApplyProviderEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Carries out one run: reads the provider's books for the window page by page, outside any transaction (a month
 * of payments takes many calls), then the hub's payments the books name and those the hub created in the window.
 * A hub payment the list does not name is looked up at the provider by itself (its creation may fall just
 * outside the provider's window) before it counts as missing there. What is safe to fix (the provider took the
 * money, the hub still waits) goes through {@link ApplyProviderEvent#reconcile}, one payment per transaction, and
 * so does a pending hub refund whose payout the provider completed in full ({@link
 * ApplyProviderEvent#reconcileRefund});
 * the outcome is stored with every mismatch in one transaction. A provider that cannot be read fails the run.
 */
@Service
class Reconcile {

    private static final Logger log = LoggerFactory.getLogger(Reconcile.class);

    private final RunSteps steps;
    private final Map<String, ProviderBooks> books;
    private final Providers providers;
    private final ApplyProviderEvent applyProviderEvent;
    private final ReconciliationMetrics metrics;
    private final Clock clock;

    Reconcile(
            RunSteps steps,
            List<ProviderBooks> books,
            Providers providers,
            ApplyProviderEvent applyProviderEvent,
            ReconciliationMetrics metrics,
            Clock clock) {
        this.steps = steps;
        this.books = books.stream().collect(Collectors.toMap(ProviderBooks::name, Function.identity()));
        this.providers = providers;
        this.applyProviderEvent = applyProviderEvent;
        this.metrics = metrics;
        this.clock = clock;
    }

    void run(UUID id) {
        ReconciliationRun run = steps.find(id).orElseThrow();
        try {
            Outcome outcome = compare(run);
            if (steps.complete(
                    id, outcome.providerPayments(), outcome.hubPayments(), outcome.mismatches(), clock.instant())) {
                metrics.completed(run.provider(), outcome.mismatches(), clock.instant());
            } else {
                log.warn(
                        "Reconciliation run {} of {} finished after it was marked abandoned: its outcome is"
                                + " not stored; start the window again",
                        id,
                        run.provider());
            }
        } catch (ProviderFailure e) {
            log.warn("Reconciliation run {} of {} failed: {}", id, run.provider(), e.getMessage());
            steps.fail(id, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            log.error("Reconciliation run {} of {} failed", id, run.provider(), e);
            steps.fail(id, "the run failed inside the hub; see its log", clock.instant());
        }
    }

    private record Outcome(List<Mismatch> mismatches, int providerPayments, int hubPayments) {}

    private Outcome compare(ReconciliationRun run) {
        ProviderBooks provider = books.get(run.provider());
        List<ProviderPayment> theirs = new ArrayList<>();
        provider.payments(run.from(), run.to(), theirs::add);
        List<String> references =
                theirs.stream().map(ProviderPayment::reference).toList();
        List<UUID> ids = theirs.stream()
                .map(ProviderPayment::hubPaymentId)
                .map(Comparison::uuid)
                .flatMap(Optional::stream)
                .toList();
        List<Booked> known = steps.known(run.provider(), references, ids);
        List<Booked> inWindow = steps.inWindow(run.provider(), run.from(), run.to());
        Comparison.Result result = Comparison.compare(theirs, known, inWindow);
        List<Mismatch> mismatches = new ArrayList<>(result.mismatches());
        List<Mismatch> applicable = new ArrayList<>(result.applicable());
        for (Booked unlisted : result.unlisted()) {
            Comparison.Result one = lookUp(run.provider(), unlisted);
            mismatches.addAll(one.mismatches());
            applicable.addAll(one.applicable());
        }
        Set<UUID> hub = new HashSet<>();
        known.forEach(b -> hub.add(b.id()));
        inWindow.forEach(b -> hub.add(b.id()));
        Map<Mismatch, Mismatch> resolved = new IdentityHashMap<>();
        for (Mismatch m : applicable) {
            boolean applied = applyProviderEvent.reconcile(
                    run.provider(), m.providerReference(), m.paymentId().toString(), PaymentStatus.SUCCEEDED);
            resolved.put(
                    m,
                    applied
                            ? m.resolved(
                                    Resolution.APPLIED,
                                    "succeeded at the provider while the hub waited: applied as its webhook would"
                                            + " be (history reason reconciliation)")
                            : m.resolved(Resolution.REPORTED, "not applied: the payment had moved meanwhile"));
        }
        Map<String, ProviderPayment> byReference = new HashMap<>();
        theirs.forEach(p -> byReference.put(p.reference(), p));
        for (Mismatch m : mismatches) {
            ProviderPayment p = byReference.get(m.providerReference());
            if (m.kind() == MismatchKind.REFUND_DIFFERS
                    && p != null
                    && !p.refunds().isEmpty()) {
                applyCompletedRefunds(run.provider(), m, p).ifPresent(outcome -> resolved.put(m, outcome));
            }
        }
        return new Outcome(
                mismatches.stream().map(m -> resolved.getOrDefault(m, m)).toList(), theirs.size(), hub.size());
    }

    /**
     * The hub's pending refunds of the payment whose payouts the provider completed in full, applied one by one as
     * the payout's webhook would be; the mismatch is applied when they make up the whole difference, else it stays
     * reported, naming what was applied. Empty when nothing was safe to apply.
     */
    private Optional<Mismatch> applyCompletedRefunds(String provider, Mismatch m, ProviderPayment p) {
        if (m.providerRefunded() == null
                || m.hubRefunded() == null
                || m.providerRefunded().compareTo(m.hubRefunded()) <= 0) {
            return Optional.empty();
        }
        Optional<Payment> payment = steps.payment(m.paymentId());
        if (payment.isEmpty()) {
            return Optional.empty();
        }
        List<Comparison.PendingRefund> pending = payment.get().refunds().stream()
                .filter(r -> r.status() == RefundStatus.PENDING && r.providerReference() != null)
                .map(r -> new Comparison.PendingRefund(
                        r.providerReference(), r.amount().amount()))
                .toList();
        List<String> applied = new ArrayList<>();
        BigDecimal appliedAmount = BigDecimal.ZERO;
        for (ProviderRefund refund : Comparison.completedInFull(pending, p.refunds(), m.hubCurrency())) {
            if (applyProviderEvent.reconcileRefund(provider, refund.reference())) {
                applied.add(refund.reference());
                appliedAmount = appliedAmount.add(refund.completed());
            }
        }
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        String what = "the hub's pending refund (pull payment " + String.join(", ", applied)
                + ") completed at the provider: applied as its payout's webhook would be (history reason"
                + " reconciliation)";
        return Optional.of(
                m.hubRefunded().add(appliedAmount).compareTo(m.providerRefunded()) == 0
                        ? m.resolved(Resolution.APPLIED, what)
                        : m.resolved(Resolution.REPORTED, m.detail() + "; " + what + "; the rest still differs"));
    }

    private Comparison.Result lookUp(String provider, Booked unlisted) {
        Optional<Payment> payment = steps.payment(unlisted.id());
        Optional<ProviderState> state;
        try {
            state = payment.isEmpty()
                    ? Optional.empty()
                    : providers.get(provider).find(payment.get());
        } catch (ProviderFailure e) {
            if (e.kind() != ProviderFailure.Kind.REFUSED) {
                throw e;
            }
            // The provider refuses to look it up (Stripe: no such PaymentIntent): it has no such payment.
            state = Optional.empty();
        }
        if (state.isEmpty()) {
            return new Comparison.Result(List.of(Comparison.missingAtProvider(unlisted)), List.of(), List.of());
        }
        ProviderPayment found = new ProviderPayment(
                state.get().reference(),
                unlisted.id().toString(),
                state.get().status(),
                state.get().detail(),
                null,
                null,
                null,
                null,
                List.of());
        return Comparison.compareOne(found, unlisted);
    }
}
