package io.orderhub.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay's settings ({@code orderhub.outbox.*}).
 *
 * @param relayEnabled whether this instance takes part in relaying (one instance relays at a time)
 * @param pollInterval how long an idle relay waits before looking again; a commit in this instance wakes
 *     it at once, so this bounds the lag only for rows written by other instances
 * @param batchSize rows published per round trip
 * @param standbyRetry how often a standby instance tries to take over the relay lock
 * @param sendTimeout how long a batch may wait for Kafka's acknowledgements before it is retried
 */
@ConfigurationProperties("orderhub.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("20ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("2s") Duration standbyRetry,
        @DefaultValue("30s") Duration sendTimeout) {

    public static OutboxProperties defaults() {
        return new OutboxProperties(true, Duration.ofMillis(20), 500, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }
}
