package io.orderhub.payments.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code RECONCILIATION_SCHEDULE}: when the daily run of each configured provider starts, a Spring cron expression
 * in UTC (seconds first; default {@code 0 30 1 * * *}, 01:30, when the previous day's late webhooks have arrived);
 * {@code -} turns the schedule off.
 */
@ConfigurationProperties("orderhub.reconciliation")
public record ReconciliationSettings(
        @DefaultValue("0 30 1 * * *") String schedule) {

    public boolean scheduled() {
        return schedule != null && !schedule.isBlank() && !"-".equals(schedule.trim());
    }
}
