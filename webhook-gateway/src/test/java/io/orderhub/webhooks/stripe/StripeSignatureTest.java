package io.orderhub.webhooks.stripe;

import static io.orderhub.webhooks.TestVectors.STRIPE_BODY;
import static io.orderhub.webhooks.TestVectors.STRIPE_SECRET;
import static io.orderhub.webhooks.TestVectors.STRIPE_SIGNATURE;
import static io.orderhub.webhooks.TestVectors.STRIPE_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.webhooks.Signing;
import io.orderhub.webhooks.intake.Rejection;
import io.orderhub.webhooks.intake.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeSignatureTest {

    private static final String PREVIOUS_SECRET = "whsec_previous_secret";

    private final StripeSignature signature = at(STRIPE_TIMESTAMP + 10, PREVIOUS_SECRET, STRIPE_SECRET);

    @Test
    void acceptsTheTestVectorOfTheIssue() {
        assertThat(signature.verify(bytes(STRIPE_BODY), STRIPE_SIGNATURE)).isEqualTo(STRIPE_BODY);
    }

    @Test
    void acceptsASignatureMadeWithEitherSecretDuringRotation() {
        String header = Signing.stripe(STRIPE_BODY, PREVIOUS_SECRET, STRIPE_TIMESTAMP);

        assertThat(signature.verify(bytes(STRIPE_BODY), header)).isEqualTo(STRIPE_BODY);
        assertThat(at(STRIPE_TIMESTAMP, STRIPE_SECRET).verify(bytes(STRIPE_BODY), STRIPE_SIGNATURE))
                .isEqualTo(STRIPE_BODY);
    }

    @Test
    void acceptsAHeaderWhoseSecondV1SignatureMatches() {
        String header =
                "t=" + STRIPE_TIMESTAMP + ",v1=" + Signing.stripeV1(STRIPE_BODY, "whsec_unknown", STRIPE_TIMESTAMP)
                        + ",v1=" + Signing.stripeV1(STRIPE_BODY, STRIPE_SECRET, STRIPE_TIMESTAMP);

        assertThat(signature.verify(bytes(STRIPE_BODY), header)).isEqualTo(STRIPE_BODY);
    }

    @Test
    void ignoresV0Signatures() {
        String header =
                "t=" + STRIPE_TIMESTAMP + ",v0=" + Signing.stripeV1(STRIPE_BODY, STRIPE_SECRET, STRIPE_TIMESTAMP);

        assertRejected(() -> signature.verify(bytes(STRIPE_BODY), header), Rejection.SIGNATURE_INVALID);
    }

    @Test
    void rejectsATamperedBody() {
        String tampered = STRIPE_BODY.replace("succeeded", "canceled");

        assertRejected(() -> signature.verify(bytes(tampered), STRIPE_SIGNATURE), Rejection.SIGNATURE_INVALID);
    }

    @Test
    void rejectsASignatureMadeWithAnUnknownSecret() {
        String forged = Signing.stripe(STRIPE_BODY, "whsec_attacker", STRIPE_TIMESTAMP);

        assertRejected(() -> signature.verify(bytes(STRIPE_BODY), forged), Rejection.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAValidSignatureOlderThanThreeHundredSeconds() {
        StripeSignature later = at(STRIPE_TIMESTAMP + 301, STRIPE_SECRET);

        assertRejected(() -> later.verify(bytes(STRIPE_BODY), STRIPE_SIGNATURE), Rejection.TIMESTAMP_STALE);
    }

    @Test
    void acceptsAValidSignatureExactlyThreeHundredSecondsOld() {
        StripeSignature later = at(STRIPE_TIMESTAMP + 300, STRIPE_SECRET);

        assertThat(later.verify(bytes(STRIPE_BODY), STRIPE_SIGNATURE)).isEqualTo(STRIPE_BODY);
    }

    @Test
    void rejectsAMissingHeader() {
        assertRejected(() -> signature.verify(bytes(STRIPE_BODY), null), Rejection.SIGNATURE_MISSING);
        assertRejected(() -> signature.verify(bytes(STRIPE_BODY), " "), Rejection.SIGNATURE_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "t=abc,v1=00", "t=1700000000,v1", "v1=00", "t=1700000000", "t,v1=00", "t=,v1="})
    void rejectsMalformedHeadersAsInvalid(String header) {
        assertRejected(() -> signature.verify(bytes(STRIPE_BODY), header), Rejection.SIGNATURE_INVALID);
    }

    @Test
    void rejectsABodyThatIsNotUtf8() {
        byte[] latin1 = "{\"id\":\"evt_ü\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertRejected(() -> signature.verify(latin1, STRIPE_SIGNATURE), Rejection.SIGNATURE_INVALID);
    }

    @Test
    void isNotConfiguredWithoutSecrets() {
        assertThat(at(STRIPE_TIMESTAMP).configured()).isFalse();
        assertThat(new StripeWebhookProperties(List.of(" ", "")).secrets()).isEmpty();
        assertThat(signature.configured()).isTrue();
    }

    @Test
    void neverShowsSecretsInItsSettings() {
        assertThat(new StripeWebhookProperties(List.of(STRIPE_SECRET)).toString())
                .doesNotContain(STRIPE_SECRET);
    }

    private static StripeSignature at(long epochSecond, String... secrets) {
        return new StripeSignature(
                new StripeWebhookProperties(List.of(secrets)),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRejected(ThrowingCallable call, Rejection reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        WebhookRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(reason))
                .satisfies(rejected -> assertThat(rejected.getMessage()).doesNotContain(STRIPE_SECRET));
    }
}
