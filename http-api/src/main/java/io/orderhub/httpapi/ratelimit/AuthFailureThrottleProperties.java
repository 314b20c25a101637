package io.orderhub.httpapi.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed authentication per client address ({@code orderhub.api.auth-failures.*}).
 *
 * @param limit {@code AUTH_FAILURE_LIMIT}: 401 answers per address and window before 429s
 * @param maxAddresses addresses remembered at most (least useful dropped first)
 */
@ConfigurationProperties("orderhub.api.auth-failures")
public record AuthFailureThrottleProperties(
        @DefaultValue("20/1m") String limit,
        @DefaultValue("10000") long maxAddresses) {}
