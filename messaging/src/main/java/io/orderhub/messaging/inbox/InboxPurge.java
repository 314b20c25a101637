package io.orderhub.messaging.inbox;

import io.orderhub.messaging.kafka.MessagingProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes inbox rows past their retention, periodically; safe on many instances (plain deletes). */
public class InboxPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

    private final Inbox inbox;
    private final MessagingProperties.Inbox settings;
    private ScheduledExecutorService scheduler;

    public InboxPurge(Inbox inbox, MessagingProperties.Inbox settings) {
        this.inbox = inbox;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbox-purge");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purge, period, period, TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            int purged = inbox.purgeOlderThan(settings.retention());
            if (purged > 0) {
                log.info("Purged {} inbox rows older than {}", purged, settings.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Inbox purge failed, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
