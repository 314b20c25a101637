package io.orderhub.payments.providerevent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the provider event log: a payment's events, and the events that matched no payment. */
@Service
public class FindProviderEvents {

    private final ProviderEventLog log;

    FindProviderEvents(ProviderEventLog log) {
        this.log = log;
    }

    @Transactional(readOnly = true)
    public List<ReceivedEvent> ofPayment(UUID paymentId) {
        return log.ofPayment(paymentId);
    }

    /** The events that named no payment the hub knows, the latest first, after the cursor's position. */
    @Transactional(readOnly = true)
    public List<ReceivedEvent> unmatched(Instant afterAt, UUID afterId, int limit) {
        return log.withOutcome(ProviderEventLog.Outcome.Kind.UNMATCHED.wireName(), afterAt, afterId, limit);
    }
}
