package io.orderhub.orders.order;

import io.orderhub.money.Money;
import io.orderhub.money.MoneyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order aggregate: it alone moves an order's status and amounts, keeps the status machine and the
 * payment rules of the contract, and records each change (with the order's next version) for the
 * repository to store and the events to publish.
 *
 * <p>Payment rules: a payment's money counts as received when it is succeeded, partially refunded or
 * refunded; {@code paid_amount} is the sum received, {@code refunded_amount} the sum refunded (a lost
 * dispute included), both counting only payments in the order's currency. A pending or confirmed order
 * becomes {@code paid} once received money covers the grand total; an order that is paid or further on
 * becomes {@code refunded} once refunds cover both what was paid and the grand total. Payments never move
 * an order backwards and never revive a cancelled one: then only the amounts change. More money than the
 * grand total (net of refunds) is still counted — it was received — and shows as {@link OrderState#overpaid()};
 * a payment that would make the amounts larger than the hub stores is refused ({@link PaymentAmountOutOfRange}).
 *
 * <p>For an order on account, what credit notes of its invoice took back lowers what is owed: received money and
 * credit notes together settle it ({@link #applyCredit}), and "the grand total" above reads "the grand total less
 * what was credited".
 */
public final class Order {

    /** The actor of changes that follow from payments. */
    public static final String PAYMENTS = "payments";

    private OrderState state;
    private final long storedVersion;
    private final List<OrderChange> changes = new ArrayList<>();
    private final List<OrderPayment> changedPayments = new ArrayList<>();
    private boolean creditChanged;

    private Order(OrderState state, long storedVersion) {
        this.state = state;
        this.storedVersion = storedVersion;
    }

    /** A new order in its initial status, version 1; the reason is null for a plain {@code pending}. */
    static Order place(OrderState initial, String actor, String reason) {
        if (initial.version() != 1) {
            throw new IllegalArgumentException("A new order starts at version 1");
        }
        if (initial.status().isSetByPayments()) {
            throw new InvalidOrderException(List.of(
                    new Violation("status", initial.status().apiName() + " is set by payments, never by a request")));
        }
        Order order = new Order(initial, 0);
        order.changes.add(new OrderPlaced(initial, actor, reason));
        return order;
    }

    /** An order imported from the old hub at the end of its history: one change, its import. */
    static Order imported(OrderState state, String actor) {
        Order order = new Order(state, 0);
        order.changes.add(new OrderImported(state, actor));
        return order;
    }

    /** An order as stored, with no changes yet. */
    static Order restore(OrderState state) {
        return new Order(state, state.version());
    }

    public OrderState state() {
        return state;
    }

    /** The version in the database: 0 for a new order. */
    long storedVersion() {
        return storedVersion;
    }

    /** The changes since the order was placed or restored, oldest first. */
    List<OrderChange> changes() {
        return List.copyOf(changes);
    }

    /** Payment snapshots to store: newer versions, including those that changed nothing visible. */
    List<OrderPayment> changedPayments() {
        return List.copyOf(changedPayments);
    }

    /** Whether what credit notes took back changed (it may change without a new version). */
    boolean creditChanged() {
        return creditChanged;
    }

    /**
     * The credit notes of the order's invoice now take back {@code credited} in all (payment-service reports the
     * running total, so a late or repeated report of a smaller total changes nothing). When received money and
     * credit notes then cover the grand total, the order becomes {@code paid} — one change, published and called
     * back. Otherwise only {@code credited_amount} moves, without a new version: no status changed, and the
     * channel hears of the credit note from the invoice's own callback.
     */
    void applyCredit(Money credited, String creditNoteNumber, Instant now) {
        if (state.onAccount() == null) {
            throw new IllegalStateException("Order " + state.id() + " is not on account: it has no invoice to credit");
        }
        if (credited.compareTo(state.creditedAmount()) <= 0) {
            return;
        }
        if (credited.compareTo(state.totals().grandTotal()) > 0) {
            throw new IllegalArgumentException("Credit notes of " + credited + " exceed the grand total of order "
                    + state.id() + " (" + state.totals().grandTotal() + ")");
        }
        state = state.withCredited(credited);
        creditChanged = true;
        boolean received = state.payments().stream()
                .anyMatch(p -> p.countsFor(state.currency()) && p.status().moneyReceived());
        if (state.status().awaitsPayment() && received && state.paidAmount().compareTo(state.owed()) >= 0) {
            moveTo(
                    OrderStatus.PAID,
                    "payments and credit notes cover the grand total: paid " + state.paidAmount() + " and credited "
                            + credited + " (" + creditNoteNumber + ") of "
                            + state.totals().grandTotal(),
                    PAYMENTS,
                    null,
                    now);
        }
    }

    /**
     * A channel asks for a status. The same status again changes nothing; {@code paid} and
     * {@code refunded} follow from payments only; any other move must be in the status machine.
     */
    void requestStatus(OrderStatus target, String reason, String actor, Instant now) {
        if (target.isSetByPayments()) {
            throw new InvalidOrderException(
                    List.of(new Violation("status", target.apiName() + " is set by payments, never by a request")));
        }
        if (target == state.status()) {
            return;
        }
        if (!state.status().canMoveTo(target)) {
            throw new TransitionForbiddenException(state.status(), target);
        }
        moveTo(target, reason, actor, null, now);
    }

    /**
     * A payment's latest snapshot. An older or equal version than the one held is ignored (a late event
     * never overwrites a newer one); a newer one is kept, and when the order's payment summary shows a
     * difference, that is one order change — or two, when the money both arrived and went back in one
     * step (paid, then refunded: each status move stays one the status machine allows).
     */
    void applyPayment(OrderPayment payment, Instant now) {
        OrderPayment held = state.payment(payment.paymentId()).orElse(null);
        if (held != null && payment.version() <= held.version()) {
            return;
        }
        List<OrderPayment> payments = new ArrayList<>(state.payments());
        payments.removeIf(p -> p.paymentId().equals(payment.paymentId()));
        payments.add(payment);
        payments.sort(Comparator.comparing(OrderPayment::paymentId));

        Money zero = Money.zero(state.currency());
        Money paid = zero;
        Money refunded = zero;
        boolean received = false;
        try {
            for (OrderPayment p : payments) {
                if (p.countsFor(state.currency())) {
                    if (p.status().moneyReceived()) {
                        paid = paid.plus(Money.of(p.amount(), state.currency()));
                        received = true;
                    }
                    refunded = refunded.plus(Money.of(p.refundedAmount(), state.currency()));
                }
            }
        } catch (MoneyException e) {
            // Money refuses a sum that paid_amount or refunded_amount could not hold, before anything is stored.
            throw new PaymentAmountOutOfRange(state.id(), payment.paymentId(), e.getMessage());
        }
        changedPayments.removeIf(p -> p.paymentId().equals(payment.paymentId()));
        changedPayments.add(payment);

        boolean visible = held == null || !held.sameSummaryAs(payment);
        if (!visible) {
            state = state.withPayments(payments, paid, refunded, false, now);
            return;
        }

        Money grandTotal = state.totals().grandTotal();
        Money owed = state.owed();
        List<OrderStatus> moves = new ArrayList<>(2);
        OrderStatus status = state.status();
        if (status.awaitsPayment() && received && paid.compareTo(owed) >= 0) {
            moves.add(OrderStatus.PAID);
            status = OrderStatus.PAID;
        }
        if (status.canBeRefundedByPayments()
                && paid.isPositive()
                && refunded.compareTo(paid) >= 0
                && refunded.compareTo(owed) >= 0) {
            moves.add(OrderStatus.REFUNDED);
        }

        if (moves.isEmpty()) {
            state = state.withPayments(payments, paid, refunded, true, now);
            changes.add(new OrderPaymentUpdated(payment, state));
            return;
        }
        state = state.withPayments(payments, paid, refunded, false, now);
        for (OrderStatus move : moves) {
            String reason = move == OrderStatus.PAID
                    ? "payments cover the grand total: paid " + paid + credited(owed) + " of " + grandTotal
                    : "refunds cover the grand total: refunded " + refunded + credited(owed) + " of " + grandTotal;
            moveTo(move, reason, PAYMENTS, payment, now);
        }
    }

    /**
     * A payment brought over from the old hub: its snapshot is kept (so the payment's next real event is
     * compared with it), while the order's status and amounts stay as they were imported — they already
     * count it — and no change is recorded, so nothing is published and no channel is called back.
     */
    void seedImportedPayment(OrderPayment payment) {
        OrderPayment held = state.payment(payment.paymentId()).orElse(null);
        if (held != null && payment.version() <= held.version()) {
            return;
        }
        List<OrderPayment> payments = new ArrayList<>(state.payments());
        payments.removeIf(p -> p.paymentId().equals(payment.paymentId()));
        payments.add(payment);
        payments.sort(Comparator.comparing(OrderPayment::paymentId));
        changedPayments.removeIf(p -> p.paymentId().equals(payment.paymentId()));
        changedPayments.add(payment);
        state = state.withPayments(payments, state.paidAmount(), state.refundedAmount(), false, state.updatedAt());
    }

    /** The reason's mention of credit notes, when they lower what is owed. */
    private String credited(Money owed) {
        Money credited = state.creditedAmount();
        return credited.isPositive() ? " (credited " + credited + ", owed " + owed + ")" : "";
    }

    private void moveTo(OrderStatus target, String reason, String actor, OrderPayment cause, Instant now) {
        OrderStatus from = state.status();
        state = state.withStatus(target, now);
        changes.add(new OrderStatusChanged(from, target, reason, actor, cause, state));
    }
}
