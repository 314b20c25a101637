package io.orderhub.httpapi.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * One token bucket per API key in the service's own database ({@code rate_limit_bucket}), so every
 * instance of a service counts against the same limit. The bucket holds the key's limit and is
 * refilled in full at the end of each window, like the old hub's fixed windows.
 *
 * <p>A key's bucket is one hot row. Bucket4j's batching optimisation merges the requests that arrive
 * for the same key while a database round trip is under way into the next single round trip, so the
 * limiter costs about one row lock per burst rather than one per request.
 */
public class RateLimiter {

    private final ProxyManager<String> buckets;
    private final RateLimit defaultLimit;
    private final Map<String, BucketProxy> bucketsByKey = new ConcurrentHashMap<>();

    public RateLimiter(DataSource dataSource, RateLimit defaultLimit) {
        this.defaultLimit = defaultLimit;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one token for the key; the probe says whether it was there and when the window resets. */
    public Decision consume(ApiKey key) {
        RateLimit limit = limitOf(key);
        BucketProxy bucket = bucketsByKey.computeIfAbsent(
                key.id(),
                id -> buckets.builder()
                        .withOptimization(Optimizations.batching())
                        .build(id, () -> configuration(limit)));
        ConsumptionProbe probe;
        try {
            probe = bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!bucketMissing(e)) {
                throw e;
            }
            // Bucket4j 8.14's batching does not create a missing bucket when several requests share the round
            // trip (a key's first burst, or a burst after its row expired): it fails all of them with
            // BucketNotFoundException. The plain proxy creates the bucket from its configuration.
            probe = buckets.builder()
                    .build(key.id(), () -> configuration(limit))
                    .tryConsumeAndReturnRemaining(1);
        }
        return new Decision(
                probe.isConsumed(),
                limit.requests(),
                probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                seconds(probe.getNanosToWaitForRefill()));
    }

    private static boolean bucketMissing(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** The limit the key is counted against: its own, else {@code RATE_LIMIT}. */
    public RateLimit limitOf(ApiKey key) {
        return key.rateLimit() == null ? defaultLimit : key.rateLimit();
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.requests()).refillIntervally(limit.requests(), limit.window()))
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * @param resetSeconds until the bucket is full again ({@code RateLimit-Reset})
     * @param retryAfterSeconds until the next request may pass ({@code Retry-After}), when refused
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}
}
