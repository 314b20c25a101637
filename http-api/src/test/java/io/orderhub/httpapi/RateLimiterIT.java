package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RateLimit;
import io.orderhub.httpapi.ratelimit.RateLimiter;
import io.orderhub.httpapi.ratelimit.RateLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimiterIT extends GuardRailsTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void countsEveryRequestOfANewKeysFirstBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(dataSource, new RateLimit(100, Duration.ofMinutes(15)));
        ApiKey fresh = new ApiKey("shop", "burst-" + UUID.randomUUID(), Set.of(), null);
        int requests = 12;
        CountDownLatch start = new CountDownLatch(1);
        Callable<Decision> request = () -> {
            start.await();
            return limiter.consume(fresh);
        };
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Decision>> pending = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                pending.add(pool.submit(request));
            }
            start.countDown();
            List<Decision> decisions = new ArrayList<>();
            for (Future<Decision> decision : pending) {
                decisions.add(decision.get(30, TimeUnit.SECONDS));
            }

            assertThat(decisions).allSatisfy(d -> assertThat(d.allowed()).isTrue());
            assertThat(limiter.consume(fresh).remaining()).isEqualTo(100 - requests - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
