package io.orderhub.console.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every operator action: one structured INFO line on the {@code orderhub.console.audit} logger (the lasting
 * record, collected with the other logs), and the latest {@code ADMIN_AUDIT_KEEP} kept in memory for the
 * audit page. The console owns no database, so the in-memory list starts empty after a restart.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("orderhub.console.audit");

    private final Deque<Entry> latest = new ArrayDeque<>();
    private final int keep;
    private final Clock clock;

    @Autowired
    AuditLog(@Value("${orderhub.console.audit-keep:200}") int keep) {
        this(keep, Clock.systemUTC());
    }

    AuditLog(int keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    /** One action: who did what to which target, how it ended, what it was before and after. */
    public record Entry(
            Instant at,
            String actor,
            String action,
            String target,
            String outcome,
            @Nullable String before,
            @Nullable String after) {}

    public void record(
            String actor,
            String action,
            String target,
            String outcome,
            @Nullable String before,
            @Nullable String after) {
        Entry entry = new Entry(clock.instant(), actor, action, target, outcome, before, after);
        log.atInfo()
                .addKeyValue("audit.actor", actor)
                .addKeyValue("audit.action", action)
                .addKeyValue("audit.target", target)
                .addKeyValue("audit.outcome", outcome)
                .addKeyValue("audit.before", before)
                .addKeyValue("audit.after", after)
                .log("audit: {} {} {} -> {}", actor, action, target, outcome);
        synchronized (latest) {
            latest.addFirst(entry);
            while (latest.size() > keep) {
                latest.removeLast();
            }
        }
    }

    /** Newest first. */
    public List<Entry> latest() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }
}
