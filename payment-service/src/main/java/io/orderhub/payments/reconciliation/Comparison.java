package io.orderhub.payments.reconciliation;

import io.orderhub.payments.payment.PaymentRepository.Booked;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.provider.ProviderPayment;
import io.orderhub.payments.provider.ProviderRefund;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The provider's books against the hub's, payment by payment. A provider payment is the hub's when the hub holds
 * its reference, or when it carries the hub's id and the hub holds no other reference for that payment. One
 * thing is applicable here: the provider took the money (succeeded) while the hub's payment is still open, with
 * the same amount and currency. Of a refund difference, only the hub's pending refunds the provider completed in
 * full are ({@link #completedInFull}, which the run checks against the hub's refunds); everything else is reported.
 */
final class Comparison {

    private final List<Mismatch> mismatches = new ArrayList<>();
    private final List<Mismatch> applicable = new ArrayList<>();
    private final Set<UUID> matched = new HashSet<>();

    private Comparison() {}

    /**
     * {@code known}: the hub's payments of the provider that the provider's list names (by reference or id),
     * wherever their creation falls; {@code inWindow}: the hub's payments created in the window. Answers the
     * mismatches found, and the hub payments in the window the provider did not list (to be looked up one by one
     * before they count as missing at the provider).
     */
    static Result compare(Collection<ProviderPayment> theirs, Collection<Booked> known, Collection<Booked> inWindow) {
        Map<String, Booked> byReference = new HashMap<>();
        Map<UUID, Booked> byId = new HashMap<>();
        for (Booked b : known) {
            if (b.reference() != null) {
                byReference.put(b.reference(), b);
            }
            byId.put(b.id(), b);
        }
        Comparison comparison = new Comparison();
        for (ProviderPayment p : theirs) {
            Booked hub = byReference.get(p.reference());
            if (hub == null && p.hubPaymentId() != null) {
                hub = byId(byId, p.hubPaymentId());
                if (hub != null && hub.reference() != null && !hub.reference().equals(p.reference())) {
                    hub = null;
                }
            }
            if (hub == null) {
                comparison.add(MismatchKind.MISSING_IN_HUB, p, null, "made at the provider without the hub");
            } else {
                comparison.compare(p, hub);
            }
        }
        List<Booked> unlisted = inWindow.stream()
                .filter(b -> !comparison.matched.contains(b.id()))
                .filter(Comparison::belongsInTheBooks)
                .toList();
        return new Result(comparison.mismatches, comparison.applicable, unlisted);
    }

    /** {@code applicable}: those of {@code mismatches} the run applies through the provider-event path. */
    record Result(List<Mismatch> mismatches, List<Mismatch> applicable, List<Booked> unlisted) {}

    /** A hub payment the provider could not find at all. */
    static Mismatch missingAtProvider(Booked hub) {
        return new Mismatch(
                MismatchKind.MISSING_AT_PROVIDER,
                hub.reference(),
                hub.id(),
                hub.status().wireName(),
                hub.amount(),
                hub.currency(),
                hub.refunded(),
                null,
                null,
                null,
                null,
                Resolution.REPORTED,
                "the provider has no such payment");
    }

    /** Compares one payment found at the provider by a direct look-up; answers its mismatches. */
    static Result compareOne(ProviderPayment theirs, Booked hub) {
        Comparison comparison = new Comparison();
        comparison.compare(theirs, hub);
        return new Result(comparison.mismatches, comparison.applicable, List.of());
    }

    /**
     * Published payments only (an unpublished one is a creation still in flight, the repair worker's), and not one
     * that failed without ever reaching the provider.
     */
    private static boolean belongsInTheBooks(Booked b) {
        return b.published() && !(b.reference() == null && b.status() == PaymentStatus.FAILED);
    }

    private void compare(ProviderPayment p, Booked hub) {
        matched.add(hub.id());
        boolean sameCurrency = p.currency() == null || p.currency().equals(hub.currency());
        boolean sameAmount = p.amount() == null || p.amount().compareTo(hub.amount()) == 0;
        if (!sameCurrency) {
            add(MismatchKind.CURRENCY_DIFFERS, p, hub, null);
        } else if (!sameAmount) {
            add(MismatchKind.AMOUNT_DIFFERS, p, hub, null);
        }
        if (!agree(hub, p.status())) {
            boolean apply = p.status() == PaymentStatus.SUCCEEDED
                    && (hub.status().open() || !hub.published())
                    && sameCurrency
                    && sameAmount;
            Mismatch found = add(
                    MismatchKind.STATUS_DIFFERS,
                    p,
                    hub,
                    apply ? "succeeded at the provider while the hub still waits" : null);
            if (apply) {
                applicable.add(found);
            }
        } else if (sameCurrency
                && p.refunded() != null
                && hub.published()
                && hub.status().moneyReceived()) {
            compareRefunds(p, hub);
        }
    }

    /**
     * What the provider refunded in the payment's currency against what the hub counts; a refund the provider paid
     * in another currency (BTCPay's UI refunds in BTC at a rate) cannot be added up and always differs.
     */
    private void compareRefunds(ProviderPayment p, Booked hub) {
        List<String> elsewhere = p.refunds().stream()
                .filter(r -> r.completed().signum() > 0 && !r.currency().equals(hub.currency()))
                .map(r -> r.completed().toPlainString() + " " + r.currency() + " (" + r.reference() + ")")
                .toList();
        if (p.refunded().compareTo(hub.refunded()) == 0 && elsewhere.isEmpty()) {
            return;
        }
        add(
                MismatchKind.REFUND_DIFFERS,
                p,
                hub,
                "refunded: " + p.refunded().toPlainString() + " at the provider, "
                        + hub.refunded().toPlainString() + " in the hub"
                        + (elsewhere.isEmpty()
                                ? ""
                                : "; also paid out in another currency: " + String.join(", ", elsewhere)));
    }

    /** A refund of the hub's still pending: its provider reference (BTCPay: the pull payment) and amount. */
    record PendingRefund(String reference, BigDecimal amount) {}

    /**
     * The provider's refunds that are safe to apply: each the hub's pending refund with the same reference, whose
     * completed payouts paid exactly its amount in the payment's {@code currency}. Anything else (partly paid,
     * another amount or currency, a refund the hub does not know) is for a person.
     */
    static List<ProviderRefund> completedInFull(
            Collection<PendingRefund> pending, Collection<ProviderRefund> theirs, String currency) {
        Map<String, BigDecimal> open = new HashMap<>();
        pending.forEach(r -> open.put(r.reference(), r.amount()));
        return theirs.stream()
                .filter(r -> r.currency().equals(currency))
                .filter(r -> r.completed().signum() > 0)
                .filter(r -> open.containsKey(r.reference())
                        && open.get(r.reference()).compareTo(r.completed()) == 0)
                .toList();
    }

    /**
     * Whether the hub's status is what the provider's means: the same, or money received on both sides (refunds
     * are compared apart), or the hub's cancellation that BTCPay shows as an invalid (failed) invoice.
     */
    static boolean agree(Booked hub, PaymentStatus provider) {
        if (!hub.published()) {
            return false;
        }
        PaymentStatus ours = hub.status();
        return ours == provider
                || (ours.moneyReceived() && provider == PaymentStatus.SUCCEEDED)
                || (ours == PaymentStatus.CANCELLED && provider == PaymentStatus.FAILED);
    }

    private Mismatch add(MismatchKind kind, ProviderPayment p, Booked hub, String detail) {
        Mismatch mismatch = new Mismatch(
                kind,
                p.reference(),
                hub == null ? null : hub.id(),
                hub == null ? null : hub.published() ? hub.status().wireName() : "unpublished",
                hub == null ? null : hub.amount(),
                hub == null ? null : hub.currency(),
                hub == null ? null : hub.refunded(),
                p.providerStatus(),
                p.amount(),
                p.currency(),
                p.refunded(),
                Resolution.REPORTED,
                detail);
        mismatches.add(mismatch);
        return mismatch;
    }

    private static Booked byId(Map<UUID, Booked> byId, String id) {
        return uuid(id).map(byId::get).orElse(null);
    }

    /** The hub's id a provider echoes from its metadata, when it is one. */
    static Optional<UUID> uuid(String value) {
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
