package io.orderhub.payments.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.events.PaymentEventType;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static Payment aSucceededStripePayment(String amount) {
        Payment payment = Payment.start(
                        UUID.randomUUID(), UUID.randomUUID(), "woocommerce", "stripe", Money.of(amount, "EUR"))
                .providerReference("pi_1")
                .at(NOW);
        payment.moveTo(PaymentStatus.SUCCEEDED, null, NOW);
        return payment;
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void followsTheContractsStatusTableAndCountsLateMoney() {
        assertThat(PaymentStatus.PROCESSING.canMoveTo(PaymentStatus.SUCCEEDED)).isTrue();
        assertThat(PaymentStatus.FAILED.canMoveTo(PaymentStatus.SUCCEEDED)).isTrue();
        assertThat(PaymentStatus.EXPIRED.canMoveTo(PaymentStatus.SUCCEEDED)).isTrue();
        assertThat(PaymentStatus.CANCELLED.canMoveTo(PaymentStatus.SUCCEEDED)).isTrue();
        assertThat(PaymentStatus.SUCCEEDED.canMoveTo(PaymentStatus.PROCESSING)).isFalse();
        assertThat(PaymentStatus.PROCESSING.canMoveTo(PaymentStatus.CANCELLED)).isFalse();
        assertThat(PaymentStatus.PARTIALLY_REFUNDED.canMoveTo(PaymentStatus.SUCCEEDED))
                .isFalse();
        assertThat(PaymentStatus.REFUNDED.canMoveTo(PaymentStatus.PARTIALLY_REFUNDED))
                .isFalse();
    }

    @Test
    void refusesAMoveTheTableDoesNotAllow() {
        Payment payment = aSucceededStripePayment("10.00");

        assertThatThrownBy(() -> payment.moveTo(PaymentStatus.FAILED, null, NOW))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("succeeded to failed");
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void countsARefundOnceWhetherItsConfirmationOrStripesCumulativeAmountArrivesFirst() {
        Payment payment = aSucceededStripePayment("47.49");
        Refund refund = payment.requestRefund(UUID.randomUUID(), eur("10.00"), null, "shop", false, NOW);

        payment.applyProviderRefunded(eur("10.00"), NOW);
        payment.settleRefunds(PaymentEventType.REFUND_CHANGED, null, NOW);
        assertThat(payment.refundedAmount()).isEqualTo(eur("10.00"));

        payment.updateRefund(refund, RefundStatus.SUCCEEDED, "re_1", NOW);
        payment.applyProviderRefunded(eur("10.00"), NOW);
        payment.settleRefunds(PaymentEventType.REFUND_CHANGED, null, NOW);

        assertThat(payment.refundedAmount()).isEqualTo(eur("10.00"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void neverAddsStripesCumulativeRefundedAmountAndIgnoresAStaleSmallerOne() {
        Payment payment = aSucceededStripePayment("30.00");

        assertThat(payment.applyProviderRefunded(eur("20.00"), NOW)).isTrue();
        assertThat(payment.applyProviderRefunded(eur("10.00"), NOW)).isFalse();
        payment.settleRefunds(PaymentEventType.REFUND_CHANGED, null, NOW);

        assertThat(payment.refundedAmount()).isEqualTo(eur("20.00"));
    }

    @Test
    void reservesPendingRefundsAgainstWhatIsLeft() {
        Payment payment = aSucceededStripePayment("20.00");
        payment.requestRefund(UUID.randomUUID(), eur("15.00"), null, "shop", false, NOW);

        assertThat(payment.refundable()).isEqualTo(eur("5.00"));
        assertThatThrownBy(() -> payment.requestRefund(UUID.randomUUID(), eur("5.01"), null, "shop", false, NOW))
                .isInstanceOf(RefundRejected.class)
                .matches(e -> !((RefundRejected) e).conflict());
    }

    @Test
    void refusesARefundOfAPaymentThatReceivedNoMoney() {
        Payment payment = Payment.start(UUID.randomUUID(), UUID.randomUUID(), "woocommerce", "stripe", eur("10.00"))
                .at(NOW);

        assertThatThrownBy(() -> payment.requestRefund(UUID.randomUUID(), eur("1.00"), null, "shop", false, NOW))
                .isInstanceOf(RefundRejected.class)
                .matches(e -> ((RefundRejected) e).conflict());
    }

    @Test
    void countsALostDisputeAsRefundedButNeverAboveTheAmount() {
        Payment payment = aSucceededStripePayment("25.00");
        payment.applyProviderRefunded(eur("5.00"), NOW);
        payment.applyDispute(new Dispute("dp_1", "lost", eur("25.00"), "fraudulent", NOW), NOW);

        payment.settleRefunds(PaymentEventType.DISPUTE_CHANGED, null, NOW);

        assertThat(payment.refundedAmount()).isEqualTo(eur("25.00"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aFailedRefundGivesBackWhatStripesCumulativeAmountCountedOfIt() {
        Payment payment = aSucceededStripePayment("30.00");
        Refund refund = payment.requestRefund(UUID.randomUUID(), eur("10.00"), null, "shop", false, NOW);
        payment.applyProviderRefunded(eur("10.00"), NOW);

        payment.updateRefund(refund, RefundStatus.FAILED, "re_1", NOW);
        payment.settleRefunds(PaymentEventType.REFUND_CHANGED, null, NOW);

        assertThat(payment.refundedAmount()).isEqualTo(Money.zero(EUR));
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void startsPendingUnpublishedAndUnrecordedUnlessTold() {
        Payment started = Payment.start(UUID.randomUUID(), UUID.randomUUID(), "pos", "stripe", eur("10.00"))
                .sourcePaymentId("T-1")
                .at(NOW);
        Payment recorded = Payment.start(UUID.randomUUID(), UUID.randomUUID(), "pos", "cash", eur("10.00"))
                .status(PaymentStatus.SUCCEEDED)
                .recorded("till-7")
                .at(NOW);

        assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(started.published()).isFalse();
        assertThat(started.recorded()).isFalse();
        assertThat(started.providerReference()).isNull();
        assertThat(started.sourcePaymentId()).isEqualTo("T-1");
        assertThat(started.refundedAmount()).isEqualByComparingTo(eur("0"));
        assertThat(started.createdAt()).isEqualTo(NOW).isEqualTo(started.updatedAt());
        assertThat(recorded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(recorded.recorded()).isTrue();
        assertThat(recorded.providerReference()).isEqualTo("till-7");
    }
}
