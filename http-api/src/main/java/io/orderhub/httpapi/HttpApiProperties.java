package io.orderhub.httpapi;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The guard rails' settings ({@code orderhub.api.*}), bound from the contract's variables in
 * {@code orderhub-http.yml}.
 *
 * @param keys {@code API_KEYS}: comma-separated entries
 * @param keysFile {@code API_KEYS_FILE}: the same entries, one per line (for Kubernetes Secrets)
 * @param rateLimit {@code RATE_LIMIT}: the default limit of a key without its own
 * @param publicPaths paths under {@code /api/v1} that need no key
 * @param maxBodyBytes larger bodies answer 413
 * @param idempotencyTtl how long an Idempotency-Key is remembered
 * @param idempotencyLease how long a claim blocks other requests with the same key before another may take over
 */
@ConfigurationProperties("orderhub.api")
public record HttpApiProperties(
        @DefaultValue("") String keys,
        @DefaultValue("") String keysFile,
        @DefaultValue("100/15m") String rateLimit,

        @DefaultValue({"/api/v1/health", "/api/v1/webhooks/**"})
        List<String> publicPaths,

        @DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("60s") Duration idempotencyLease) {}
