package io.orderhub.payments.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code RECONCILIATION_SCHEDULE}: when the daily run of each configured provider starts, a Spring cron expression
 * in UTC (seconds first; default {@code 0 30 1 * * *}, 01:30, when the previous day's late webhooks have arrived);
 * {@code -} turns the schedule off. {@code RECONCILIATION_LEASE} (default 5 minutes): how long a running run stays
 * its instance's without that instance renewing it (it does every third of that while it lives); a run whose lease
 * ran out was left by a stopped instance and is marked failed.
 */
@ConfigurationProperties("orderhub.reconciliation")
public record ReconciliationSettings(
        @DefaultValue("0 30 1 * * *") String schedule,
        @DefaultValue("5m") Duration lease) {

    public ReconciliationSettings {
        if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("RECONCILIATION_LEASE must be at least 30s, not " + lease);
        }
    }

    public boolean scheduled() {
        return schedule != null && !schedule.isBlank() && !"-".equals(schedule.trim());
    }
}
