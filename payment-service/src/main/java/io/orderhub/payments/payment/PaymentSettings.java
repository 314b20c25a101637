package io.orderhub.payments.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payments are looked after: {@code PAYMENT_REPAIR_AFTER} (how long a payment or refund may sit unsettled
 * before the repair job asks its provider), {@code AUTO_REFUND_CANCELLED}, how often the repair job looks, and
 * how long a payment waits for an order event that has not arrived yet. {@code creationGrace} is how long a
 * creation or refund may still be on its way to the provider (its request in flight) before the repair worker
 * may conclude, from the provider having no trace of it, that it never got there.
 */
@ConfigurationProperties("orderhub.payments")
public record PaymentSettings(
        @DefaultValue("15m") Duration repairAfter,
        @DefaultValue("false") boolean autoRefundCancelled,
        @DefaultValue("30s") Duration repairInterval,
        @DefaultValue("5s") Duration orderWait,
        @DefaultValue("2m") Duration creationGrace) {

    /** How old a reservation must be before "the provider has none" means it never will. */
    public Duration neverCreatedAfter() {
        return repairAfter.compareTo(creationGrace) > 0 ? repairAfter : creationGrace;
    }
}
