package io.orderhub.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.payments.payment.PaymentStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BtcpayInvoiceStatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ProviderState state(String status, String additional, boolean invalidatedByHub) {
        return BtcpayProvider.state(
                JSON.readTree("{\"id\": \"inv1\", \"status\": \"%s\", \"additionalStatus\": \"%s\"}"
                        .formatted(status, additional)),
                invalidatedByHub);
    }

    @Test
    void countsAnInvoicePaidInFullAfterExpiryAsSucceeded() {
        assertThat(state("Expired", "PaidLate", false).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void flagsAnInvoicePartiallyPaidBeforeExpiry() {
        ProviderState state = state("Expired", "PaidPartial", false);

        assertThat(state.status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(state.attention()).contains("partially paid");
    }

    @Test
    void mapsTheInvoiceStatesOntoThePaymentTable() {
        assertThat(state("New", "None", false).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(state("Processing", "None", false).status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(state("Settled", "None", false).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(state("Settled", "PaidOver", false).attention()).contains("overpaid");
        assertThat(state("Expired", "None", false).status()).isEqualTo(PaymentStatus.EXPIRED);
    }

    @Test
    void readsAnInvalidInvoiceAsCancelledOnlyWhenTheHubInvalidatedIt() {
        assertThat(state("Invalid", "Marked", true).status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(state("Invalid", "None", false).status()).isEqualTo(PaymentStatus.FAILED);
    }
}
