package io.orderhub.payments.settlement;

import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.PaymentRepository;
import io.orderhub.payments.payment.PaymentRepository.Booked;
import io.orderhub.payments.payment.Violation;
import io.orderhub.payments.provider.StripePayouts;
import io.orderhub.payments.provider.StripePayouts.Payout;
import io.orderhub.payments.provider.StripePayouts.Transaction;
import io.orderhub.payments.reconciliation.Window;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The Stripe payouts arriving in a window and what each contained: every balance transaction (payments, refunds,
 * fees, adjustments) with the hub payment behind it where the hub knows its PaymentIntent, and per payout and over
 * the window, per currency: gross (the transactions' amounts), fees, net, and how many payments and refunds.
 * Stripe is read outside any transaction; only the hub's payment ids are read from the database.
 */
@Service
public class SettlementReport {

    /** One transaction of a payout, with the hub payment it belongs to (null when the hub does not know it). */
    public record Line(Payout payout, Transaction transaction, UUID paymentId) {}

    /** Sums of one currency: {@code gross} - {@code fees} = {@code net}. */
    public record Totals(
            String currency, BigDecimal gross, BigDecimal fees, BigDecimal net, int payments, int refunds) {}

    public record PayoutReport(Payout payout, List<Line> lines, List<Totals> totals) {}

    public record Report(Instant from, Instant to, List<PayoutReport> payouts, List<Totals> totals) {}

    private final StripePayouts stripe;
    private final PaymentRepository payments;
    private final Clock clock;

    SettlementReport(StripePayouts stripe, PaymentRepository payments, Clock clock) {
        this.stripe = stripe;
        this.payments = payments;
        this.clock = clock;
    }

    /** Reads the window from the client's text ({@link Window}'s rules) or throws {@link InvalidRequest}. */
    public Report between(String from, String to) {
        List<Violation> violations = new ArrayList<>();
        Window window = Window.of(from, to, clock.instant(), violations);
        if (!stripe.configured()) {
            violations.add(new Violation("provider", "Stripe is not configured (STRIPE_API_KEY)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        List<Payout> payouts = stripe.arriving(window.from(), window.to());
        Map<String, UUID> hubIds = hubIds(payouts.stream()
                .flatMap(p -> p.transactions().stream())
                .map(Transaction::paymentIntent)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<PayoutReport> reports = payouts.stream()
                .map(payout -> {
                    List<Line> lines = payout.transactions().stream()
                            .map(t -> new Line(
                                    payout, t, t.paymentIntent() == null ? null : hubIds.get(t.paymentIntent())))
                            .toList();
                    return new PayoutReport(payout, lines, totals(lines));
                })
                .toList();
        return new Report(
                window.from(),
                window.to(),
                reports,
                totals(reports.stream().flatMap(r -> r.lines().stream()).toList()));
    }

    private Map<String, UUID> hubIds(List<String> paymentIntents) {
        List<Booked> known = new ArrayList<>();
        for (int i = 0; i < paymentIntents.size(); i += 1000) {
            known.addAll(payments.booked(
                    "stripe", paymentIntents.subList(i, Math.min(i + 1000, paymentIntents.size())), List.of()));
        }
        return known.stream().collect(Collectors.toMap(Booked::reference, Booked::id, (a, b) -> a));
    }

    static List<Totals> totals(List<Line> lines) {
        Map<String, List<Transaction>> byCurrency = lines.stream()
                .map(Line::transaction)
                .collect(Collectors.groupingBy(Transaction::currency, TreeMap::new, Collectors.toList()));
        return byCurrency.entrySet().stream()
                .map(entry -> new Totals(
                        entry.getKey(),
                        sum(entry.getValue(), Transaction::amount),
                        sum(entry.getValue(), Transaction::fee),
                        sum(entry.getValue(), Transaction::net),
                        (int) entry.getValue().stream()
                                .filter(t -> "charge".equals(t.type()) || "payment".equals(t.type()))
                                .count(),
                        (int) entry.getValue().stream()
                                .filter(t -> "refund".equals(t.type()) || "payment_refund".equals(t.type()))
                                .count()))
                .toList();
    }

    private static BigDecimal sum(List<Transaction> transactions, Function<Transaction, BigDecimal> amount) {
        return transactions.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
