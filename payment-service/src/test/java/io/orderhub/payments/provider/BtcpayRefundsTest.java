package io.orderhub.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which invoice a BTCPay pull payment refunds, from its name and description as BTCPay and the hub write them. */
class BtcpayRefundsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void placesTheHubsOwnRefundByThePaymentItsDescriptionNames() {
        UUID refund = UUID.randomUUID();
        UUID payment = UUID.randomUUID();

        assertThat(BtcpayRefunds.owner(BtcpayRefunds.name(refund), BtcpayRefunds.description(refund, payment)))
                .contains(new BtcpayRefunds.Owner(null, payment.toString(), refund.toString()));
    }

    @Test
    void placesARefundMadeInBtcpaysUiByTheInvoiceItsNameNames() {
        assertThat(BtcpayRefunds.owner("Refund 7Hq2mWd9XbR4kLs1VfT3Ya", null))
                .contains(new BtcpayRefunds.Owner("7Hq2mWd9XbR4kLs1VfT3Ya", null, null));
        assertThat(BtcpayRefunds.owner("Refund 7Hq2mWd9XbR4kLs1VfT3Ya", ""))
                .contains(new BtcpayRefunds.Owner("7Hq2mWd9XbR4kLs1VfT3Ya", null, null));
    }

    @Test
    void leavesOutPullPaymentsThatAreNoRefundItCanPlace() {
        UUID refund = UUID.randomUUID();

        assertThat(BtcpayRefunds.owner("Salaries May", "monthly payroll")).isEmpty();
        assertThat(BtcpayRefunds.owner("Refund", null)).isEmpty();
        assertThat(BtcpayRefunds.owner("Refund two words", null)).isEmpty();
        assertThat(BtcpayRefunds.owner("refund 7Hq2mWd9XbR4kLs1VfT3Ya", null))
                .as("BTCPay writes Refund with a capital R")
                .isEmpty();
        assertThat(BtcpayRefunds.owner(BtcpayRefunds.name(refund), null))
                .as("the hub's name without its description names no payment")
                .isEmpty();
        assertThat(BtcpayRefunds.owner(
                        BtcpayRefunds.name(UUID.randomUUID()), BtcpayRefunds.description(refund, UUID.randomUUID())))
                .as("a name and description naming two refunds")
                .isEmpty();
        assertThat(BtcpayRefunds.owner(null, "Order Hub refund not-a-uuid of payment not-a-uuid"))
                .isEmpty();
    }

    @Test
    void countsOnlyCompletedPayoutsInThePullPaymentsCurrency() {
        UUID refund = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        String pullPayments = """
                [{"id": "pp-hub", "name": "%s", "description": "%s", "currency": "EUR", "amount": "30.00",
                  "archived": false},
                 {"id": "pp-ui", "name": "Refund inv-1", "description": null, "currency": "BTC", "amount": "0.0004",
                  "archived": true},
                 {"id": "pp-other", "name": "Salaries", "description": "", "currency": "EUR", "amount": "900.00"}]
                """.formatted(BtcpayRefunds.name(refund), BtcpayRefunds.description(refund, payment));
        String payouts = """
                [{"id": "po1", "pullPaymentId": "pp-hub", "state": "Completed", "originalAmount": "20.00",
                  "originalCurrency": "EUR", "payoutAmount": "0.0003", "payoutCurrency": "BTC"},
                 {"id": "po2", "pullPaymentId": "pp-hub", "state": "InProgress", "originalAmount": "10.00",
                  "originalCurrency": "EUR"},
                 {"id": "po3", "pullPaymentId": "pp-ui", "state": "Completed", "amount": "0.0004"},
                 {"id": "po4", "pullPaymentId": "pp-other", "state": "Completed", "originalAmount": "900.00",
                  "originalCurrency": "EUR"}]
                """;

        BtcpayRefunds refunds = BtcpayRefunds.of(JSON.readTree(pullPayments), JSON.readTree(payouts));

        assertThat(refunds.of("inv-hub", payment.toString().toUpperCase(java.util.Locale.ROOT)))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.reference()).isEqualTo("pp-hub");
                    assertThat(r.hubRefundId()).isEqualTo(refund.toString());
                    assertThat(r.completed()).isEqualByComparingTo("20.00");
                    assertThat(r.currency()).isEqualTo("EUR");
                });
        assertThat(refunds.of("inv-1", null)).singleElement().satisfies(r -> {
            assertThat(r.hubRefundId()).isNull();
            assertThat(r.completed())
                    .as("BTCPay before 2.0: amount in the pull payment's currency")
                    .isEqualByComparingTo("0.0004");
            assertThat(r.currency()).isEqualTo("BTC");
        });
        assertThat(refunds.of("inv-2", UUID.randomUUID().toString())).isEmpty();
    }
}
