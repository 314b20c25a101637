package io.orderhub.payments.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payments are looked after: {@code PAYMENT_REPAIR_AFTER} (how long a payment or refund may sit unsettled
 * before the repair job asks its provider), {@code AUTO_REFUND_CANCELLED}, how often the repair job looks, and
 * how long a payment waits for an order event that has not arrived yet.
 */
@ConfigurationProperties("orderhub.payments")
public record PaymentSettings(
        @DefaultValue("15m") Duration repairAfter,
        @DefaultValue("false") boolean autoRefundCancelled,
        @DefaultValue("30s") Duration repairInterval,
        @DefaultValue("5s") Duration orderWait) {}
