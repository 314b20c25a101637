package io.orderhub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigningTest {

    @Test
    void reproducesTheStripeTestVectorOfTheIssue() {
        assertThat(Signing.stripe(TestVectors.STRIPE_BODY, TestVectors.STRIPE_SECRET, TestVectors.STRIPE_TIMESTAMP))
                .isEqualTo(TestVectors.STRIPE_SIGNATURE);
    }

    @Test
    void reproducesTheBtcpayTestVectorOfTheIssue() {
        assertThat(Signing.btcpay(TestVectors.BTCPAY_BODY, TestVectors.BTCPAY_SECRET))
                .isEqualTo(TestVectors.BTCPAY_SIGNATURE);
    }
}
