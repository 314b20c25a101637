package io.orderhub.webhooks.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the webhook endpoints ({@code orderhub.webhooks.*}).
 *
 * @param maxPayload the largest body accepted (413 above); provider events are a few KiB
 * @param retryAfter what a 503 puts in {@code Retry-After}
 */
@ConfigurationProperties("orderhub.webhooks")
public record IntakeProperties(
        @DefaultValue("1MB") DataSize maxPayload,
        @DefaultValue("10s") Duration retryAfter) {}
