package io.orderhub.payments.provider;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Resilience4j's retry around one list call: a provider's 429 is waited out (its Retry-After, else a doubling
 * backoff, each wait capped), at most {@code rateLimitAttempts} calls; any other failure is not retried here.
 */
@Component
class RateLimitRetry {

    private final Retry retry;

    RateLimitRetry(ProviderSettings settings) {
        long base = settings.rateLimitBackoff().toMillis();
        long cap = settings.rateLimitMaxWait().toMillis();
        IntervalBiFunction<Object> wait = (attempt, outcome) -> {
            Duration advised = outcome.isLeft()
                            && outcome.getLeft() instanceof ProviderFailure failure
                            && failure.rateLimit().isPresent()
                    ? failure.rateLimit().get().retryAfter()
                    : null;
            long millis = advised != null ? advised.toMillis() : base * (1L << Math.min(attempt - 1, 16));
            return Math.min(Math.max(millis, 1), cap);
        };
        this.retry = Retry.of(
                "provider-rate-limit",
                RetryConfig.custom()
                        .maxAttempts(Math.max(1, settings.rateLimitAttempts()))
                        .retryOnException(e -> e instanceof ProviderFailure failure
                                && failure.rateLimit().isPresent())
                        .intervalBiFunction(wait)
                        .build());
    }

    <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, call).get();
    }
}
