package io.orderhub.httpapi.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.apikey.RateLimit;
import org.junit.jupiter.api.Test;

class AuthFailureThrottleTest {

    private final AuthFailureThrottle throttle = new AuthFailureThrottle(RateLimit.parse("2/1m"), 100);

    @Test
    void blocksAnAddressOnlyAfterItsLimitOfFailuresForAboutAShareOfTheWindow() {
        throttle.failed("192.0.2.1");
        assertThat(throttle.blockedSeconds("192.0.2.1")).isZero();

        throttle.failed("192.0.2.1");

        assertThat(throttle.blockedSeconds("192.0.2.1")).isBetween(1L, 30L);
    }

    @Test
    void countsEveryAddressOnItsOwn() {
        throttle.failed("192.0.2.1");
        throttle.failed("192.0.2.1");

        assertThat(throttle.blockedSeconds("192.0.2.2")).isZero();
        assertThat(throttle.blockedSeconds("2001:db8::1")).isZero();
    }

    @Test
    void remembersNoMoreAddressesThanItsMaximum() {
        for (int i = 0; i < 5_000; i++) {
            throttle.failed("10.0." + (i / 250) + "." + (i % 250));
        }

        assertThat(throttle.trackedAddresses()).isLessThanOrEqualTo(100);
    }
}
