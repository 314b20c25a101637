package io.orderhub.payments.providerevent;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.ProviderEventType;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.providerevent.ProviderReport.InvoicePayment;
import io.orderhub.payments.providerevent.ProviderReport.NothingToApply;
import io.orderhub.payments.providerevent.ProviderReport.PaymentOutcome;
import io.orderhub.payments.providerevent.ProviderReport.PaymentRef;
import io.orderhub.payments.providerevent.ProviderReport.PayoutChange;
import io.orderhub.payments.providerevent.ProviderReport.Unreadable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** BTCPay Greenfield webhook payloads, as its webhook schema publishes them (see provider-events/README.md). */
class BtcpayEventsTest {

    private static final PaymentRef INVOICE = new PaymentRef(
            "btcpay",
            "PMs5nGT8Fm5zVQ6TXV9KJw",
            "0190f3a4-6c1e-7b52-9d3a-2f4c8e1a7b10",
            "invoice PMs5nGT8Fm5zVQ6TXV9KJw");

    private final BtcpayEvents events = new BtcpayEvents(JsonMapper.builder().build());

    private ProviderReport read(ProviderEventType type, String file) {
        return events.read(type, ProviderPayloads.read("btcpay/" + file));
    }

    @Test
    void readsASettledInvoiceAsSucceededByInvoiceIdAndTheHubsPaymentId() {
        assertThat(read(ProviderEventType.BTCPAY_INVOICE_SETTLED, "InvoiceSettled.json"))
                .isEqualTo(new PaymentOutcome(INVOICE, PaymentStatus.SUCCEEDED, null, false));
    }

    @Test
    void flagsAnOverpaidSettledInvoice() {
        PaymentOutcome outcome =
                (PaymentOutcome) read(ProviderEventType.BTCPAY_INVOICE_SETTLED, "InvoiceSettled-overpaid.json");

        assertThat(outcome.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(outcome.attention()).isEqualTo("overpaid at BTCPay");
    }

    @Test
    void readsAProcessingInvoiceAsProcessing() {
        assertThat(read(ProviderEventType.BTCPAY_INVOICE_PROCESSING, "InvoiceProcessing.json"))
                .isEqualTo(new PaymentOutcome(INVOICE, PaymentStatus.PROCESSING, null, false));
    }

    @Test
    void readsAnExpiredPartiallyPaidInvoiceAsExpiredAndFlagged() {
        assertThat(read(ProviderEventType.BTCPAY_INVOICE_EXPIRED, "InvoiceExpired-partially-paid.json"))
                .isEqualTo(new PaymentOutcome(
                        INVOICE, PaymentStatus.EXPIRED, "partially paid before the invoice expired", false));
    }

    @Test
    void readsAnInvalidInvoiceAsFailedOrAsTheHubsOwnCancellation() {
        assertThat(read(ProviderEventType.BTCPAY_INVOICE_INVALID, "InvoiceInvalid.json"))
                .isEqualTo(new PaymentOutcome(INVOICE, PaymentStatus.FAILED, null, true));
    }

    @Test
    void readsACreatedInvoiceAsNothingToApply() {
        assertThat(read(ProviderEventType.BTCPAY_INVOICE_CREATED, "InvoiceCreated.json"))
                .isEqualTo(new NothingToApply(INVOICE));
    }

    @Test
    void readsAPaymentReceivedAfterExpiry() {
        assertThat(read(
                        ProviderEventType.BTCPAY_INVOICE_RECEIVED_PAYMENT,
                        "InvoiceReceivedPayment-after-expiration.json"))
                .isEqualTo(new InvoicePayment(INVOICE, true));
    }

    @Test
    void readsASettledPaymentBeforeExpiry() {
        assertThat(read(ProviderEventType.BTCPAY_INVOICE_PAYMENT_SETTLED, "InvoicePaymentSettled.json"))
                .isEqualTo(new InvoicePayment(INVOICE, false));
    }

    @Test
    void readsACompletedPayoutByItsPullPayment() {
        PayoutChange payout =
                (PayoutChange) read(ProviderEventType.BTCPAY_PAYOUT_UPDATED, "PayoutUpdated-completed.json");

        assertThat(payout).isEqualTo(new PayoutChange("2hY7fQe4Kp9mWd3ZnTx6Rv", "Completed"));
        assertThat(payout.completed()).isTrue();
    }

    @Test
    void readsAPayoutInProgressAsNotCompleted() {
        String payload =
                ProviderPayloads.read("btcpay/PayoutUpdated-completed.json").replace("\"Completed\"", "\"InProgress\"");

        assertThat(((PayoutChange) events.read(ProviderEventType.BTCPAY_PAYOUT_UPDATED, payload)).completed())
                .isFalse();
    }

    @Test
    void reportsAPayloadThatIsNotJsonAsUnreadable() {
        assertThat(events.read(ProviderEventType.BTCPAY_INVOICE_SETTLED, "{"))
                .isEqualTo(new Unreadable("the payload is not JSON"));
    }
}
