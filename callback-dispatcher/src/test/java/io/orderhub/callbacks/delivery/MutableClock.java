package io.orderhub.callbacks.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock a test moves forward, e.g. past a claim lease, instead of waiting. */
final class MutableClock extends Clock {

    /** Imported by a test, puts a mutable clock in place of the service's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class InPlace {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration duration) {
        now.updateAndGet(at -> at.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
