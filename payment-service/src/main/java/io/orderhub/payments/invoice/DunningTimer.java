package io.orderhub.payments.invoice;

import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Starts the daily dunning run at {@code DUNNING_RUN_AT}, Europe/Berlin (a cron trigger in that zone, so 06:00 stays
 * 06:00 across daylight saving time). Every instance fires; the invoices' row locks and the one reminder per invoice
 * and day make that harmless — a second instance finds the day's reminders issued and issues nothing.
 */
@Component
class DunningTimer implements SchedulingConfigurer {

    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(DunningTimer.class);

    private final RunDunning dunning;
    private final DunningSettings settings;

    DunningTimer(RunDunning dunning, DunningSettings settings) {
        this.dunning = dunning;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.dailyAt().isEmpty()) {
            log.info("Daily dunning run is off (DUNNING_RUN_AT=-)");
            return;
        }
        LocalTime at = settings.dailyAt().get();
        registrar.addTriggerTask(
                this::runDaily, new CronTrigger("0 %d %d * * *".formatted(at.getMinute(), at.getHour()), Invoice.ZONE));
    }

    private void runDaily() {
        try {
            dunning.run(ACTOR);
        } catch (RuntimeException e) {
            log.warn("Daily dunning run failed: {}", e.toString());
        }
    }
}
