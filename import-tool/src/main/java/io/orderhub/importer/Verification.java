package io.orderhub.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The verification report: per currency and status, counts and totals in the old hub, as planned after the
 * repairs, and as the hub answered them; the hub must equal the plan, and every difference between the old hub
 * and the plan is named by the repairs that made it.
 */
final class Verification {

    /** A count and a sum; the count of amounts the old hub stored as NaN is kept apart. */
    static final class Tally {
        int count;
        int nan;
        BigDecimal sum = BigDecimal.ZERO;

        void add(BigDecimal amount) {
            count++;
            if (amount == null) {
                nan++;
            } else {
                sum = sum.add(amount);
            }
        }

        boolean sameAs(Tally other) {
            return other != null && count == other.count && sum.compareTo(other.sum) == 0;
        }

        @Override
        public String toString() {
            return count + " / " + sum.toPlainString() + (nan > 0 ? " (+" + nan + " NaN)" : "");
        }
    }

    final Map<String, Tally> legacyOrders = new TreeMap<>();
    final Map<String, Tally> plannedOrders = new TreeMap<>();
    final Map<String, Tally> hubOrders = new TreeMap<>();
    final Map<String, Tally> legacyPayments = new TreeMap<>();
    final Map<String, Tally> plannedPayments = new TreeMap<>();
    final Map<String, Tally> hubPayments = new TreeMap<>();
    final Map<String, Integer> statusMoves = new TreeMap<>();
    final Map<String, BigDecimal> totalDifferences = new TreeMap<>();
    final List<String> failures = new ArrayList<>();

    void planned(Plan plan) {
        for (Plan.PlannedOrder order : plan.orders) {
            tally(legacyOrders, order.currency(), order.legacyStatus()).add(order.legacyGrandTotal());
            tally(plannedOrders, order.currency(), order.status()).add(order.grandTotal());
            if (!order.legacyStatus().equals(order.status())) {
                statusMoves.merge(
                        "order " + order.currency() + " " + order.legacyStatus() + " -> " + order.status(),
                        1,
                        Integer::sum);
            }
            String kind = order.legacyGrandTotal() == null ? "NaN in the old hub, now" : "recomputed from the items";
            BigDecimal before = order.legacyGrandTotal() == null ? BigDecimal.ZERO : order.legacyGrandTotal();
            if (order.legacyGrandTotal() == null || before.compareTo(order.grandTotal()) != 0) {
                totalDifferences.merge(
                        order.currency() + " grand totals " + kind,
                        order.grandTotal().subtract(before),
                        BigDecimal::add);
            }
            for (Plan.PlannedPayment payment : order.payments()) {
                tally(legacyPayments, payment.currency(), payment.legacyStatus())
                        .add(payment.legacyAmount());
                tally(plannedPayments, payment.currency(), payment.status()).add(payment.amount());
                if (!payment.legacyStatus().equals(payment.status())) {
                    statusMoves.merge(
                            "payment " + payment.currency() + " " + payment.legacyStatus() + " -> " + payment.status(),
                            1,
                            Integer::sum);
                }
            }
        }
    }

    synchronized void hubOrder(String currency, String status, BigDecimal grandTotal) {
        tally(hubOrders, currency, status).add(grandTotal);
    }

    synchronized void hubPayment(String currency, String status, BigDecimal amount) {
        tally(hubPayments, currency, status).add(amount);
    }

    synchronized void failure(String message) {
        failures.add(message);
    }

    /** The hub holds exactly the plan: every order and payment answered, counts and totals equal. */
    boolean passed() {
        return failures.isEmpty() && same(plannedOrders, hubOrders) && same(plannedPayments, hubPayments);
    }

    private static boolean same(Map<String, Tally> planned, Map<String, Tally> hub) {
        if (!Objects.equals(planned.keySet(), hub.keySet())) {
            return false;
        }
        return planned.entrySet().stream().allMatch(e -> e.getValue().sameAs(hub.get(e.getKey())));
    }

    private static Tally tally(Map<String, Tally> tallies, String currency, String status) {
        return tallies.computeIfAbsent(currency + " " + status, k -> new Tally());
    }
}
