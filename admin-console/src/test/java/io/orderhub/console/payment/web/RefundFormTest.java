package io.orderhub.console.payment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.console.hub.Views.Payment;
import io.orderhub.console.hub.Views.Refund;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefundFormTest {

    /** 47.50 EUR paid, 5.00 refunded, 2.50 pending: 40.00 left. */
    private final Payment payment = payment(
            "succeeded",
            "5.00",
            "40.00",
            List.of(new Refund(UUID.randomUUID(), "2.50", "pending", "late", null, null)));

    @Test
    void acceptsAnAmountWithAPointOrACommaUpToWhatIsLeft() {
        assertThat(RefundForm.check("10.00", " damaged ", payment))
                .isEqualTo(new RefundForm.Valid(new RefundForm(new BigDecimal("10.00"), "damaged")));
        assertThat(RefundForm.check("40,00", "damaged", payment))
                .isEqualTo(new RefundForm.Valid(new RefundForm(new BigDecimal("40.00"), "damaged")));
    }

    @Test
    void refusesMoreThanIsLeftNamingWhatIsLeft() {
        assertThat(RefundForm.check("40.01", "damaged", payment))
                .isEqualTo(new RefundForm.Invalid("At most 40.00 EUR is left to refund"));
    }

    @Test
    void refusesAnAmountThatIsNotAPositiveNumber() {
        for (String amount : new String[] {"", "0", "0.00", "-1", "ten", "1e3", "1.2.3", "10.00001", null}) {
            assertThat(RefundForm.check(amount, "damaged", payment)).as(amount).isInstanceOf(RefundForm.Invalid.class);
        }
    }

    @Test
    void wantsAReasonForTheAuditLog() {
        assertThat(RefundForm.check("10.00", "  ", payment)).isInstanceOf(RefundForm.Invalid.class);
        assertThat(RefundForm.check("10.00", "x".repeat(1001), payment)).isInstanceOf(RefundForm.Invalid.class);
    }

    @Test
    void refusesAPaymentWithNothingToRefundButLetsAConfirmationThrough() {
        Payment pending = payment("pending", "0.00", "0.00", List.of());

        assertThat(RefundForm.check("10.00", "damaged", pending))
                .isEqualTo(new RefundForm.Invalid("This payment has nothing left to refund"));
        assertThat(RefundForm.parse("10.00", "damaged")).isInstanceOf(RefundForm.Valid.class);
    }

    /** {@code left}: what payment-service answers as refundable_amount. */
    private static Payment payment(String status, String refunded, String left, List<Refund> refunds) {
        return new Payment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "stripe",
                status,
                "47.50",
                "EUR",
                refunded,
                left,
                "pi_1",
                false,
                false,
                null,
                refunds,
                null,
                null,
                null);
    }
}
