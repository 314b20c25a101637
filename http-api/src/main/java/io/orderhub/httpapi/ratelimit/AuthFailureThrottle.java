package io.orderhub.httpapi.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.orderhub.httpapi.apikey.RateLimit;

/**
 * Failed authentications per client address, in this instance's memory: a bucket of {@code limit}
 * failures per address, refilled evenly over the window. An empty bucket blocks the address until a
 * failure's worth has refilled.
 *
 * <p>Buckets live in a Caffeine cache bounded by entry count, dropped a window after their address's last
 * request (an idle bucket would be full again anyway), so a flood from many addresses costs a bounded
 * amount of memory; the cache keeps the addresses that fail most often.
 */
public class AuthFailureThrottle {

    private final RateLimit limit;
    private final Cache<String, Bucket> buckets;

    public AuthFailureThrottle(RateLimit limit, long maxAddresses) {
        this.limit = limit;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxAddresses)
                .expireAfterAccess(limit.window())
                .build();
    }

    /** Seconds until the address may fail authentication again; 0 when it may now. */
    public long blockedSeconds(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? 0
                : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    /** Addresses with a bucket now; never more than the cache's maximum. */
    public long trackedAddresses() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    public void failed(String address) {
        buckets.get(
                        address,
                        ignored -> Bucket.builder()
                                .addLimit(bandwidth -> bandwidth
                                        .capacity(limit.requests())
                                        .refillGreedy(limit.requests(), limit.window()))
                                .build())
                .tryConsume(1);
    }
}
