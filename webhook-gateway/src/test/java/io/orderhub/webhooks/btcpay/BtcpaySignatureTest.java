package io.orderhub.webhooks.btcpay;

import static io.orderhub.webhooks.TestVectors.BTCPAY_BODY;
import static io.orderhub.webhooks.TestVectors.BTCPAY_SECRET;
import static io.orderhub.webhooks.TestVectors.BTCPAY_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.webhooks.Signing;
import io.orderhub.webhooks.intake.Rejection;
import io.orderhub.webhooks.intake.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BtcpaySignatureTest {

    private static final String PREVIOUS_SECRET = "the-previous-btcpay-webhook-secret";

    /** What BTCPay really sends: Json.NET's indented rendering, several lines. */
    static final String INDENTED_BODY = """
            {
              "deliveryId": "Ab1dCsAzVsBd9EfcK3Wz1q",
              "webhookId": "7NRxTMpgjDWjwexRHGe4Z7",
              "originalDeliveryId": "Ab1dCsAzVsBd9EfcK3Wz1q",
              "isRedelivery": false,
              "type": "InvoiceReceivedPayment",
              "timestamp": 1700000123,
              "storeId": "9CiNzKoANMhGNpAMAjbGHzV9mGo6Hxzv3T2vRLfwQYQT",
              "invoiceId": "RxLwQ2zYxz8GZkJfn1oDS7",
              "metadata": {
                "orderhub_payment_id": "0190f3c4-1111-7000-8000-000000000001"
              },
              "afterExpiration": false,
              "paymentMethodId": "BTC-CHAIN",
              "payment": {
                "id": "1b9e0f3c-0",
                "value": "0.00012000",
                "status": "Processing"
              }
            }""";

    private final BtcpaySignature signature = new BtcpaySignature(new BtcpayWebhookProperties(List.of(BTCPAY_SECRET)));

    @Test
    void acceptsTheTestVectorOfTheIssue() {
        assertThatCode(() -> signature.verify(bytes(BTCPAY_BODY), BTCPAY_SIGNATURE))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsAnIndentedMultiLineBodyOverItsExactBytes() {
        assertThatCode(() -> signature.verify(bytes(INDENTED_BODY), Signing.btcpay(INDENTED_BODY, BTCPAY_SECRET)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsTheSameEventReSerialisedCompactly() {
        String header = Signing.btcpay(INDENTED_BODY, BTCPAY_SECRET);
        String compact = INDENTED_BODY.replaceAll("\\n\\s*", "");

        assertRejected(() -> signature.verify(bytes(compact), header), Rejection.SIGNATURE_INVALID);
    }

    @Test
    void acceptsUpperCaseHexDigits() {
        String upper =
                "sha256=" + BTCPAY_SIGNATURE.substring("sha256=".length()).toUpperCase(Locale.ROOT);

        assertThatCode(() -> signature.verify(bytes(BTCPAY_BODY), upper)).doesNotThrowAnyException();
    }

    @Test
    void rejectsATamperedBody() {
        String tampered = BTCPAY_BODY.replace("InvoiceSettled", "InvoiceExpired");

        assertRejected(() -> signature.verify(bytes(tampered), BTCPAY_SIGNATURE), Rejection.SIGNATURE_INVALID);
    }

    @Test
    void acceptsASignatureMadeWithEitherSecretDuringRotationAndRefusesAThird() {
        BtcpaySignature rotating =
                new BtcpaySignature(new BtcpayWebhookProperties(List.of(PREVIOUS_SECRET, " " + BTCPAY_SECRET)));

        assertThatCode(() -> rotating.verify(bytes(BTCPAY_BODY), Signing.btcpay(BTCPAY_BODY, PREVIOUS_SECRET)))
                .doesNotThrowAnyException();
        assertThatCode(() -> rotating.verify(bytes(BTCPAY_BODY), BTCPAY_SIGNATURE))
                .doesNotThrowAnyException();
        assertRejected(
                () -> rotating.verify(bytes(BTCPAY_BODY), Signing.btcpay(BTCPAY_BODY, "a-third-secret")),
                Rejection.SIGNATURE_INVALID);
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        assertRejected(
                () -> signature.verify(bytes(BTCPAY_BODY), Signing.btcpay(BTCPAY_BODY, "attacker")),
                Rejection.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAMissingHeader() {
        assertRejected(() -> signature.verify(bytes(BTCPAY_BODY), null), Rejection.SIGNATURE_MISSING);
        assertRejected(() -> signature.verify(bytes(BTCPAY_BODY), ""), Rejection.SIGNATURE_MISSING);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "e9931d9586b8b2791a50c47f2cb97d4571ad6fcbcf08cbd8d6202b43a1541ef7",
                "sha1=e9931d9586b8b2791a50c47f2cb97d4571ad6fcbcf08cbd8d6202b43a1541ef7",
                "sha256=not-hex",
                "sha256=e9931",
                "sha256=e9931d9586b8b2791a50c47f2cb97d4571ad6fcbcf08cbd8d6202b43a1541e",
                "sha256="
            })
    void rejectsMalformedOrTruncatedSignatures(String header) {
        assertRejected(() -> signature.verify(bytes(BTCPAY_BODY), header), Rejection.SIGNATURE_INVALID);
    }

    @Test
    void isNotConfiguredWithoutASecret() {
        assertThat(new BtcpaySignature(new BtcpayWebhookProperties(List.of(" "))).configured())
                .isFalse();
        assertThat(new BtcpaySignature(new BtcpayWebhookProperties(List.of())).configured())
                .isFalse();
        assertThat(new BtcpayWebhookProperties(List.of(BTCPAY_SECRET)).toString())
                .doesNotContain(BTCPAY_SECRET);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRejected(ThrowingCallable call, Rejection reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        WebhookRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
