package io.orderhub.callbacks.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSignaturesTest {

    @Test
    void signsTheStandardWebhooksTestVector() {
        String signature = HubSignatures.standardWebhooksSignature(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void keysStandardWebhooksByTheUtf8BytesOfASecretWithoutPrefix() {
        String signature = HubSignatures.standardWebhooksSignature(
                "plain-secret", "msg_1", 1700000000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,PQ8G/5vQE995TQFlpC2YXRDs2RbuscvSWFk9pfKhuhc=");
    }

    @Test
    void signsTheOrderHubHeaderAsHexHmacOfTheExactBodyKeyedByTheWholeSecret() {
        String signature =
                HubSignatures.orderHubSignature("orderhub-secret", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("f7b614237888151c3f033dc018dc9efc2ecefa20dfb517c4943a47cbd7016509");
    }
}
