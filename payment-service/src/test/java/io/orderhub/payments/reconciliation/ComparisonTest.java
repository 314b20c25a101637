package io.orderhub.payments.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.payments.payment.PaymentRepository.Booked;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.provider.ProviderPayment;
import io.orderhub.payments.provider.ProviderRefund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Refunds in the comparison: what differs, and which of the provider's refunds are safe to apply. */
class ComparisonTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void reportsWhatEachSideCountsAsRefunded() {
        Booked hub = settled("0.00");
        ProviderPayment theirs = invoice(hub, "10.00", List.of(new ProviderRefund("pp1", null, dec("10.00"), "EUR")));

        Comparison.Result result = Comparison.compare(List.of(theirs), List.of(hub), List.of(hub));

        assertThat(result.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MismatchKind.REFUND_DIFFERS);
            assertThat(m.hubRefunded()).isEqualByComparingTo("0.00");
            assertThat(m.providerRefunded()).isEqualByComparingTo("10.00");
            assertThat(m.detail()).isEqualTo("refunded: 10.00 at the provider, 0.00 in the hub");
        });
        assertThat(result.applicable()).isEmpty();
    }

    @Test
    void reportsARefundPaidOutInAnotherCurrencyEvenWhenTheSumsAgree() {
        Booked hub = settled("0.00");
        ProviderPayment theirs =
                invoice(hub, "0.00", List.of(new ProviderRefund("pp-btc", null, dec("0.0004"), "BTC")));

        Comparison.Result result = Comparison.compare(List.of(theirs), List.of(hub), List.of(hub));

        assertThat(result.mismatches())
                .singleElement()
                .satisfies(m -> assertThat(m.detail()).contains("0.0004 BTC (pp-btc)"));
    }

    @Test
    void findsNothingWhenBothSidesCountTheSame() {
        Booked hub = settled("10.00");
        ProviderPayment theirs = invoice(hub, "10.00", List.of(new ProviderRefund("pp1", "r", dec("10.00"), "EUR")));

        assertThat(Comparison.compare(List.of(theirs), List.of(hub), List.of(hub))
                        .mismatches())
                .isEmpty();
    }

    @Test
    void appliesOnlyPendingHubRefundsThatCompletedForTheirWholeAmountInTheirCurrency() {
        List<Comparison.PendingRefund> pending = List.of(
                new Comparison.PendingRefund("pp-full", dec("10.00")),
                new Comparison.PendingRefund("pp-part", dec("10.00")),
                new Comparison.PendingRefund("pp-more", dec("10.00")),
                new Comparison.PendingRefund("pp-btc", dec("10.00")));
        List<ProviderRefund> theirs = List.of(
                new ProviderRefund("pp-full", "r1", dec("10.0"), "EUR"),
                new ProviderRefund("pp-part", "r2", dec("4.00"), "EUR"),
                new ProviderRefund("pp-more", "r3", dec("12.00"), "EUR"),
                new ProviderRefund("pp-btc", "r4", dec("10.00"), "BTC"),
                new ProviderRefund("pp-unknown", null, dec("10.00"), "EUR"));

        assertThat(Comparison.completedInFull(pending, theirs, "EUR"))
                .extracting(ProviderRefund::reference)
                .containsExactly("pp-full");
    }

    private static Booked settled(String refunded) {
        return new Booked(
                UUID.randomUUID(),
                "inv-" + UUID.randomUUID(),
                PaymentStatus.SUCCEEDED,
                dec("47.49"),
                "EUR",
                dec(refunded),
                true,
                NOW);
    }

    private static ProviderPayment invoice(Booked hub, String refunded, List<ProviderRefund> refunds) {
        return new ProviderPayment(
                hub.reference(),
                hub.id().toString(),
                PaymentStatus.SUCCEEDED,
                "Settled",
                hub.amount(),
                "EUR",
                dec(refunded),
                NOW,
                refunds);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
