package io.orderhub.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.orders.contract.ContractId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aggregate's payment rules, without a database: which payment snapshots change what. */
class OrderTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void marksAPendingOrderPaidWhenReceivedMoneyCoversTheGrandTotal() {
        Order order = anOrder(OrderStatus.PENDING, "47.49");
        UUID payment = UUID.randomUUID();

        order.applyPayment(snapshot(payment, 1, PaymentStatus.SUCCEEDED, "47.49", "0"), NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.state().paidAmount()).isEqualTo(eur("47.49"));
        assertThat(order.state().version()).isEqualTo(2);
        assertThat(order.changes()).singleElement().isInstanceOfSatisfying(OrderStatusChanged.class, c -> {
            assertThat(c.from()).isEqualTo(OrderStatus.PENDING);
            assertThat(c.to()).isEqualTo(OrderStatus.PAID);
            assertThat(c.actor()).isEqualTo("payments");
            assertThat(c.causingPayment().paymentId()).isEqualTo(payment);
        });
    }

    @Test
    void onlyUpdatesTheAmountsWhilePaymentsDoNotCoverTheGrandTotal() {
        Order order = anOrder(OrderStatus.CONFIRMED, "47.49");

        order.applyPayment(snapshot(UUID.randomUUID(), 1, PaymentStatus.SUCCEEDED, "20.00", "0"), NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.state().paidAmount()).isEqualTo(eur("20.00"));
        assertThat(order.changes()).singleElement().isInstanceOf(OrderPaymentUpdated.class);
    }

    @Test
    void countsNoMoneyOfAPaymentThatHasNotSucceeded() {
        Order order = anOrder(OrderStatus.PENDING, "47.49");

        order.applyPayment(snapshot(UUID.randomUUID(), 1, PaymentStatus.PROCESSING, "47.49", "0"), NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.state().paidAmount()).isEqualTo(eur("0.00"));
        assertThat(order.state().payments()).hasSize(1);
        assertThat(order.changes()).singleElement().isInstanceOf(OrderPaymentUpdated.class);
    }

    @Test
    void ignoresAnOlderOrEqualVersionOfAPayment() {
        UUID payment = UUID.randomUUID();
        Order order = restored(
                anOrder(OrderStatus.PENDING, "47.49"),
                o -> o.applyPayment(snapshot(payment, 3, PaymentStatus.SUCCEEDED, "47.49", "0"), NOW));

        order.applyPayment(snapshot(payment, 2, PaymentStatus.PENDING, "47.49", "0"), NOW);
        order.applyPayment(snapshot(payment, 3, PaymentStatus.FAILED, "47.49", "0"), NOW);

        assertThat(order.changes()).isEmpty();
        assertThat(order.changedPayments()).isEmpty();
        assertThat(order.state().payments()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(p.version()).isEqualTo(3);
        });
    }

    @Test
    void keepsANewerVersionThatShowsNothingNewWithoutAnOrderChange() {
        UUID payment = UUID.randomUUID();
        Order order = restored(
                anOrder(OrderStatus.PENDING, "47.49"),
                o -> o.applyPayment(snapshot(payment, 1, PaymentStatus.PENDING, "47.49", "0"), NOW));
        long version = order.state().version();

        order.applyPayment(snapshot(payment, 2, PaymentStatus.PENDING, "47.49", "0"), NOW);

        assertThat(order.changes()).isEmpty();
        assertThat(order.state().version()).isEqualTo(version);
        assertThat(order.changedPayments())
                .singleElement()
                .extracting(OrderPayment::version)
                .isEqualTo(2L);
    }

    @Test
    void marksAPaidOrderRefundedWhenRefundsCoverWhatWasPaidAndTheGrandTotal() {
        UUID payment = UUID.randomUUID();
        Order order = restored(
                anOrder(OrderStatus.PENDING, "47.49"),
                o -> o.applyPayment(snapshot(payment, 1, PaymentStatus.SUCCEEDED, "47.49", "0"), NOW));

        order.applyPayment(snapshot(payment, 2, PaymentStatus.PARTIALLY_REFUNDED, "47.49", "10.00"), NOW);
        assertThat(order.state().status()).isEqualTo(OrderStatus.PAID);
        order.applyPayment(snapshot(payment, 3, PaymentStatus.REFUNDED, "47.49", "47.49"), NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.state().refundedAmount()).isEqualTo(eur("47.49"));
        assertThat(order.changes())
                .hasSize(2)
                .satisfiesExactly(
                        first -> assertThat(first).isInstanceOf(OrderPaymentUpdated.class),
                        second -> assertThat(second).isInstanceOf(OrderStatusChanged.class));
    }

    @Test
    void staysPaidWhileAnOverpaymentIsOnlyPartlyRefunded() {
        Order order = anOrder(OrderStatus.PAID, "47.49");

        order.applyPayment(snapshot(UUID.randomUUID(), 1, PaymentStatus.SUCCEEDED, "47.49", "0"), NOW);
        order.applyPayment(snapshot(UUID.randomUUID(), 2, PaymentStatus.REFUNDED, "47.49", "47.49"), NOW);

        assertThat(order.state().paidAmount()).isEqualTo(eur("94.98"));
        assertThat(order.state().refundedAmount()).isEqualTo(eur("47.49"));
        assertThat(order.state().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void countsAndFlagsMoreMoneyThanTheGrandTotalUntilTheExcessIsRefunded() {
        Order order = anOrder(OrderStatus.PENDING, "10.00");
        UUID second = UUID.randomUUID();

        order.applyPayment(snapshot(UUID.randomUUID(), 1, PaymentStatus.SUCCEEDED, "10.00", "0"), NOW);
        boolean paidInFull = order.state().overpaid();
        order.applyPayment(snapshot(second, 2, PaymentStatus.SUCCEEDED, "10.00", "0"), NOW);
        boolean paidTwice = order.state().overpaid();
        Money received = order.state().paidAmount();
        order.applyPayment(snapshot(second, 3, PaymentStatus.REFUNDED, "10.00", "10.00"), NOW);

        assertThat(paidInFull).isFalse();
        assertThat(paidTwice).isTrue();
        assertThat(received).isEqualTo(eur("20.00"));
        assertThat(order.state().overpaid()).isFalse();
        assertThat(order.state().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void refusesAPaymentThatWouldMakeTheAmountsLargerThanTheHubStores() {
        UUID first = UUID.randomUUID();
        Order order = restored(
                anOrder(OrderStatus.PENDING, "10.00"),
                o -> o.applyPayment(snapshot(first, 1, PaymentStatus.SUCCEEDED, "600000000000000.00", "0"), NOW));
        UUID second = UUID.randomUUID();

        assertThatThrownBy(() -> order.applyPayment(
                        snapshot(second, 1, PaymentStatus.SUCCEEDED, "600000000000000.00", "0"), NOW))
                .isInstanceOf(PaymentAmountOutOfRange.class)
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining(second.toString())
                .hasMessageContaining(order.state().id().toString());
        assertThat(order.state().paidAmount()).isEqualTo(eur("600000000000000.00"));
        assertThat(order.state().payments())
                .singleElement()
                .satisfies(p -> assertThat(p.paymentId()).isEqualTo(first));
        assertThat(order.changes()).isEmpty();
        assertThat(order.changedPayments()).isEmpty();
    }

    @Test
    void movesThroughPaidToRefundedWhenTheFirstSnapshotIsAlreadyRefunded() {
        Order order = anOrder(OrderStatus.PENDING, "47.49");

        order.applyPayment(snapshot(UUID.randomUUID(), 4, PaymentStatus.REFUNDED, "47.49", "47.49"), NOW);

        assertThat(order.changes())
                .map(change -> ((OrderStatusChanged) change).to())
                .containsExactly(OrderStatus.PAID, OrderStatus.REFUNDED);
        assertThat(order.changes()).map(c -> c.state().version()).containsExactly(2L, 3L);
    }

    @Test
    void neverRevivesACancelledOrder() {
        Order order = anOrder(OrderStatus.CANCELLED, "47.49");

        order.applyPayment(snapshot(UUID.randomUUID(), 1, PaymentStatus.SUCCEEDED, "47.49", "0"), NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.state().paidAmount()).isEqualTo(eur("47.49"));
        assertThat(order.changes()).singleElement().isInstanceOf(OrderPaymentUpdated.class);
    }

    @Test
    void neverMovesAnOrderPastPaidBackToPaid() {
        Order order = anOrder(OrderStatus.SHIPPED, "47.49");

        order.applyPayment(snapshot(UUID.randomUUID(), 1, PaymentStatus.SUCCEEDED, "47.49", "0"), NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.state().paidAmount()).isEqualTo(eur("47.49"));
    }

    @Test
    void recordsAPaymentInAnotherCurrencyWithoutCountingIt() {
        Order order = anOrder(OrderStatus.PENDING, "47.49");

        order.applyPayment(
                new OrderPayment(
                        UUID.randomUUID(),
                        "stripe",
                        PaymentStatus.SUCCEEDED,
                        new BigDecimal("50.0000"),
                        "USD",
                        BigDecimal.ZERO,
                        1),
                NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.state().paidAmount()).isEqualTo(eur("0"));
        assertThat(order.state().payments()).hasSize(1);
        assertThat(order.changes()).singleElement().isInstanceOf(OrderPaymentUpdated.class);
    }

    @Test
    void refusesToSetPaidOrRefundedOnRequest() {
        Order order = anOrder(OrderStatus.PENDING, "47.49");

        assertThatThrownBy(() -> order.requestStatus(OrderStatus.PAID, null, "shop", NOW))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> order.requestStatus(OrderStatus.REFUNDED, null, "shop", NOW))
                .isInstanceOf(InvalidOrderException.class);
        assertThat(order.changes()).isEmpty();
    }

    @Test
    void treatsTheSameStatusAsNoChange() {
        Order order = anOrder(OrderStatus.SHIPPED, "47.49");

        order.requestStatus(OrderStatus.SHIPPED, "again", "shop", NOW);

        assertThat(order.changes()).isEmpty();
        assertThat(order.state().version()).isEqualTo(1);
    }

    @Test
    void refusesAMoveTheStatusMachineDoesNotAllow() {
        Order order = anOrder(OrderStatus.SHIPPED, "47.49");

        assertThatThrownBy(() -> order.requestStatus(OrderStatus.CANCELLED, null, "shop", NOW))
                .isInstanceOfSatisfying(TransitionForbiddenException.class, e -> {
                    assertThat(e.from()).isEqualTo(OrderStatus.SHIPPED);
                    assertThat(e.to()).isEqualTo(OrderStatus.CANCELLED);
                });
    }

    @Test
    void aCreditNoteAloneNeverPaysAnOrder() {
        Order order = onAccount("423.64");

        order.applyCredit(eur("423.64"), "GS-2026-000001", NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.state().creditedAmount()).isEqualTo(eur("423.64"));
        assertThat(order.creditChanged()).isTrue();
        assertThat(order.changes()).isEmpty();
        assertThat(order.state().version()).isEqualTo(1);
    }

    @Test
    void comparesWhatWasReceivedWithWhatIsOwedWhenFlaggingAnOverpayment() {
        Order order = restored(onAccount("423.64"), o -> o.applyCredit(eur("8.47"), "GS-2026-000001", NOW));

        order.applyPayment(snapshot(UUID.randomUUID(), 1, PaymentStatus.SUCCEEDED, "423.64", "0"), NOW);

        assertThat(order.state().status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.state().overpaid())
                .as("423.64 received for 415.17 owed")
                .isTrue();
    }

    @Test
    void refusesCreditNotesBeyondTheGrandTotalAndOrdersNotOnAccount() {
        assertThatThrownBy(() -> onAccount("10.00").applyCredit(eur("10.01"), "GS-2026-000001", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anOrder(OrderStatus.PENDING, "10.00").applyCredit(eur("1.00"), "GS-1", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    /** An order on account (a contract at version 1, nothing credited) as stored at version 1, pending. */
    private static Order onAccount(String grandTotal) {
        OrderState s = anOrder(OrderStatus.PENDING, grandTotal).state();
        return Order.restore(new OrderState(
                s.id(),
                "b2b",
                s.sourceOrderId(),
                s.customerId(),
                null,
                s.status(),
                s.version(),
                EUR,
                s.totals(),
                s.paidAmount(),
                s.refundedAmount(),
                s.items(),
                s.payments(),
                null,
                NOW,
                NOW,
                new OnAccount(new ContractId(UUID.randomUUID()), 1, Money.zero(EUR))));
    }

    /** An order as stored at version 1 (no changes pending), in any status. */
    static Order anOrder(OrderStatus status, String grandTotal) {
        Money zero = Money.zero(EUR);
        return Order.restore(new OrderState(
                OrderId.next(),
                "woocommerce",
                UUID.randomUUID().toString(),
                "77",
                null,
                status,
                1,
                EUR,
                new Totals(eur(grandTotal), zero, zero, zero, eur(grandTotal)),
                zero,
                zero,
                List.of(new OrderItem(
                        UUID.randomUUID(), null, null, "Buch", 1, null, eur(grandTotal), null, null, null, null)),
                List.of(),
                null,
                NOW,
                NOW,
                null));
    }

    /** The order after a change was stored: restored from its state, so only what follows is pending. */
    private static Order restored(Order order, java.util.function.Consumer<Order> change) {
        change.accept(order);
        return Order.restore(order.state());
    }

    private static OrderPayment snapshot(
            UUID paymentId, long version, PaymentStatus status, String amount, String refunded) {
        return new OrderPayment(
                paymentId,
                "stripe",
                status,
                new BigDecimal(amount).setScale(4),
                "EUR",
                new BigDecimal(refunded).setScale(4),
                version);
    }

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), EUR);
    }
}
