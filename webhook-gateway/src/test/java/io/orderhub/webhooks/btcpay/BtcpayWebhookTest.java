package io.orderhub.webhooks.btcpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEventType;
import io.orderhub.webhooks.Signing;
import io.orderhub.webhooks.TestVectors;
import io.orderhub.webhooks.intake.ParsedWebhook;
import io.orderhub.webhooks.intake.Rejection;
import io.orderhub.webhooks.intake.VerifiedEvent;
import io.orderhub.webhooks.intake.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class BtcpayWebhookTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-01-15T10:00:00.123456Z");

    private final BtcpayWebhook btcpay = new BtcpayWebhook(
            new BtcpaySignature(new BtcpayWebhookProperties(List.of(TestVectors.BTCPAY_SECRET))),
            JsonMapper.builder().build());

    @Test
    void readsTheTestVectorOfTheIssue() {
        VerifiedEvent event = relevant(TestVectors.BTCPAY_BODY);

        assertThat(event.provider()).isEqualTo(Provider.BTCPAY);
        assertThat(event.providerEventId()).isEqualTo("d1");
        assertThat(event.providerEventType()).isEqualTo("InvoiceSettled");
        assertThat(event.type()).isEqualTo(ProviderEventType.BTCPAY_INVOICE_SETTLED);
        assertThat(event.reference()).isEqualTo("i1");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(event.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(event.payload()).isEqualTo(TestVectors.BTCPAY_BODY);
    }

    @Test
    void readsTheIndentedBodyBtcpaySends() {
        VerifiedEvent event = relevant(BtcpaySignatureTest.INDENTED_BODY);

        assertThat(event.type()).isEqualTo(ProviderEventType.BTCPAY_INVOICE_RECEIVED_PAYMENT);
        assertThat(event.reference()).isEqualTo("RxLwQ2zYxz8GZkJfn1oDS7");
        assertThat(event.providerEventId()).isEqualTo("Ab1dCsAzVsBd9EfcK3Wz1q");
        assertThat(event.payload()).isEqualTo(BtcpaySignatureTest.INDENTED_BODY);
    }

    @ParameterizedTest
    @CsvSource({
        "InvoiceCreated, BTCPAY_INVOICE_CREATED",
        "InvoiceReceivedPayment, BTCPAY_INVOICE_RECEIVED_PAYMENT",
        "InvoicePaymentSettled, BTCPAY_INVOICE_PAYMENT_SETTLED",
        "InvoiceProcessing, BTCPAY_INVOICE_PROCESSING",
        "InvoiceExpired, BTCPAY_INVOICE_EXPIRED",
        "InvoiceSettled, BTCPAY_INVOICE_SETTLED",
        "InvoiceInvalid, BTCPAY_INVOICE_INVALID"
    })
    void keysInvoiceEventsByTheInvoice(String type, ProviderEventType expected) {
        VerifiedEvent event = relevant("""
                {"deliveryId": "d2", "originalDeliveryId": "d2", "type": "%s", "timestamp": 1700000001,
                 "storeId": "s1", "invoiceId": "inv_9"}""".formatted(type));

        assertThat(event.type()).isEqualTo(expected);
        assertThat(event.reference()).isEqualTo("inv_9");
    }

    @ParameterizedTest
    @CsvSource({
        "PayoutCreated, BTCPAY_PAYOUT_CREATED",
        "PayoutApproved, BTCPAY_PAYOUT_APPROVED",
        "PayoutUpdated, BTCPAY_PAYOUT_UPDATED"
    })
    void keysPayoutEventsByThePullPayment(String type, ProviderEventType expected) {
        VerifiedEvent event = relevant("""
                {"deliveryId": "d3", "originalDeliveryId": "d3", "type": "%s", "timestamp": 1700000002,
                 "storeId": "s1", "payoutId": "po_1", "pullPaymentId": "pp_refund", "payoutState": "Completed"}""".formatted(type));

        assertThat(event.type()).isEqualTo(expected);
        assertThat(event.reference()).isEqualTo("pp_refund");
    }

    @Test
    void keysAPayoutWithoutPullPaymentByItsDelivery() {
        VerifiedEvent event = relevant("""
                {"deliveryId": "d4", "originalDeliveryId": "d4", "type": "PayoutApproved", "timestamp": 1700000003,
                 "storeId": "s1", "payoutId": "po_2", "pullPaymentId": null}""");

        assertThat(event.reference()).isEqualTo("d4");
    }

    @Test
    void identifiesARedeliveryByItsOriginalDelivery() {
        VerifiedEvent event = relevant("""
                {"deliveryId": "d_retry", "originalDeliveryId": "d_first", "isRedelivery": true,
                 "type": "InvoiceSettled", "timestamp": 1700000004, "invoiceId": "i1"}""");

        assertThat(event.providerEventId()).isEqualTo("d_first");
    }

    @Test
    void readsTheMisspeltOriginalDeliveryIdOfOlderBtcpayReleases() {
        VerifiedEvent event = relevant("""
                {"deliveryId": "d_retry", "orignalDeliveryId": "d_first", "type": "InvoiceSettled", "invoiceId": "i1"}""");

        assertThat(event.providerEventId()).isEqualTo("d_first");
        assertThat(event.occurredAt()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void fallsBackToTheDeliveryIdWithoutOriginal() {
        VerifiedEvent event = relevant("""
                {"deliveryId": "d_only", "type": "InvoiceExpired", "timestamp": 1700000005, "invoiceId": "i2"}""");

        assertThat(event.providerEventId()).isEqualTo("d_only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PaymentRequestUpdated", "PaymentRequestCreated", "SomethingNew"})
    void ignoresTypesTheHubDoesNotUse(String type) {
        ParsedWebhook parsed = read("""
                {"deliveryId": "d5", "originalDeliveryId": "d5", "type": "%s", "paymentRequestId": "pr"}""".formatted(type));

        assertThat(parsed.event()).isEmpty();
        assertThat(parsed.providerEventId()).isEqualTo("d5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<xml/>",
                "[]",
                "{\"deliveryId\": \"d6\"}",
                "{\"type\": \"InvoiceSettled\", \"invoiceId\": \"i1\"}",
                "{\"deliveryId\": \"d6\", \"type\": \"InvoiceSettled\""
            })
    void rejectsBodiesThatAreNotABtcpayEvent(String body) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOfSatisfying(
                        WebhookRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Rejection.UNPARSEABLE_PAYLOAD));
    }

    @Test
    void rejectsASignedBodyThatIsNotUtf8AsUnparseable() {
        byte[] latin1 = "{\"type\": \"Invoice\u00fc\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> btcpay.verify(latin1, Signing.btcpay(latin1, TestVectors.BTCPAY_SECRET)))
                .isInstanceOfSatisfying(
                        WebhookRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Rejection.UNPARSEABLE_PAYLOAD));
    }

    @Test
    void mapsEveryBtcpayTypeOfTheSchema() {
        List<ProviderEventType> btcpayTypes = Arrays.stream(ProviderEventType.values())
                .filter(type -> type.name().startsWith("BTCPAY_"))
                .toList();

        assertThat(BtcpayWebhook.RULES.values())
                .extracting(BtcpayWebhook.Rule::type)
                .containsExactlyInAnyOrderElementsOf(btcpayTypes);
    }

    private VerifiedEvent relevant(String body) {
        return read(body).event().orElseThrow();
    }

    private ParsedWebhook read(String body) {
        return btcpay.read(body.getBytes(StandardCharsets.UTF_8), body, RECEIVED_AT);
    }
}
