package io.orderhub.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The gateway's clock pinned one minute after the test vectors were signed, so that their old
 * timestamps are within Stripe's 300 s tolerance — which stays switched on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final Instant NOW = Instant.ofEpochSecond(TestVectors.STRIPE_TIMESTAMP + 60);

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
