package io.orderhub.messaging.inbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes inbox rows past their retention; run periodically by a {@link io.orderhub.httpapi.periodic.PeriodicJob}.
 * Plain deletes, so safe on many instances.
 */
public class InboxPurge implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

    private final Inbox inbox;
    private final Duration retention;

    public InboxPurge(Inbox inbox, Duration retention) {
        this.inbox = inbox;
        this.retention = retention;
    }

    @Override
    public void run() {
        int purged = inbox.purgeOlderThan(retention);
        if (purged > 0) {
            log.info("Purged {} inbox rows older than {}", purged, retention);
        }
    }
}
