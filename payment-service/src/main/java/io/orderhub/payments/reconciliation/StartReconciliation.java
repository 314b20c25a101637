package io.orderhub.payments.reconciliation;

import io.orderhub.messaging.id.Ids;
import io.orderhub.payments.provider.ProviderBooks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a run: stored as running, carried out asynchronously once stored (the answer is 202 with the run). A
 * scheduled run of a provider's day is claimed by inserting it: the unique (provider, window) of scheduled runs
 * lets exactly one instance have it.
 */
@Service
public class StartReconciliation {

    private final ReconciliationRepository runs;
    private final ApplicationEventPublisher events;
    private final List<ProviderBooks> books;
    private final ReconciliationSettings settings;
    private final Clock clock;

    StartReconciliation(
            ReconciliationRepository runs,
            ApplicationEventPublisher events,
            List<ProviderBooks> books,
            ReconciliationSettings settings,
            Clock clock) {
        this.runs = runs;
        this.events = events;
        this.books = books;
        this.settings = settings;
        this.clock = clock;
    }

    /** The providers the hub can reconcile: those it has a URL or key for. */
    public Set<String> providers() {
        return books.stream()
                .filter(ProviderBooks::configured)
                .map(ProviderBooks::name)
                .collect(Collectors.toSet());
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public ReconciliationRun start(RunRequest request, String requestedBy) {
        UUID id = Ids.next();
        runs.insert(
                id,
                request.provider(),
                request.from(),
                request.to(),
                ReconciliationRun.Origin.ON_DEMAND,
                requestedBy,
                clock.instant(),
                clock.instant().plus(settings.lease()));
        events.publishEvent(new RunStarted(id));
        return runs.find(id).orElseThrow();
    }

    /** Claims and starts the scheduled run of a provider's window; empty when another instance has it. */
    @Transactional
    Optional<UUID> scheduled(String provider, Instant from, Instant to) {
        UUID id = Ids.next();
        Instant now = clock.instant();
        if (!runs.insert(
                id,
                provider,
                from,
                to,
                ReconciliationRun.Origin.SCHEDULED,
                "schedule",
                now,
                now.plus(settings.lease()))) {
            return Optional.empty();
        }
        events.publishEvent(new RunStarted(id));
        return Optional.of(id);
    }
}
