package io.orderhub.callbacks.delivery;

import io.orderhub.testsupport.SettableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Imported by a test, puts a {@link SettableClock} in place of the service's clock, to move past a lease. */
@TestConfiguration(proxyBeanMethods = false)
class MutableClock {

    @Bean
    @Primary
    SettableClock testClock() {
        return new SettableClock();
    }
}
