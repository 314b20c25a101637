package io.orderhub.payments.reconciliation;

import io.orderhub.payments.provider.ProviderBooks;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The daily run of every configured provider over the previous UTC day, at {@code RECONCILIATION_SCHEDULE}. Every
 * instance fires; the first to insert the day's scheduled run has it (a unique key per provider and window, as
 * the repair worker shares its work through leases in the database), so one instance runs it.
 */
@Component
class ReconciliationSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final StartReconciliation start;
    private final List<ProviderBooks> books;
    private final ReconciliationSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reconciliation-schedule");
        thread.setDaemon(true);
        return thread;
    });

    ReconciliationSchedule(
            StartReconciliation start, List<ProviderBooks> books, ReconciliationSettings settings, Clock clock) {
        this.start = start;
        this.books = books;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (!settings.scheduled()) {
            log.info("Reconciliation schedule is off (RECONCILIATION_SCHEDULE=-)");
            return;
        }
        CronExpression cron = CronExpression.parse(settings.schedule());
        ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (next == null) {
            return;
        }
        long delay =
                Math.max(0, Duration.between(clock.instant(), next.toInstant()).toMillis());
        executor.schedule(
                () -> {
                    try {
                        runDue(next.toInstant());
                    } catch (RuntimeException e) {
                        log.warn("Scheduled reconciliation failed to start: {}", e.toString());
                    }
                    schedule();
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    /** Starts the runs of the UTC day before {@code firedAt} that no instance has started yet; answers their ids. */
    List<UUID> runDue(Instant firedAt) {
        Instant to = firedAt.truncatedTo(ChronoUnit.DAYS);
        Instant from = to.minus(Duration.ofDays(1));
        return books.stream()
                .filter(ProviderBooks::configured)
                .map(provider -> start.scheduled(provider.name(), from, to))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
