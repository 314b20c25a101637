package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.endpoint.DisableEndpoint;
import io.orderhub.callbacks.endpoint.Endpoint;
import io.orderhub.callbacks.sending.SendResult;
import io.orderhub.events.CallbackEventType;
import io.orderhub.messaging.id.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what an attempt came to, in one transaction with its {@code CallbackEvent}s: delivered; failed
 * and scheduled again; superseded, when a newer version of the order waits (order changes only); dead-lettered,
 * when the schedule is used up or the receiver answered 410 (which also disables the endpoint).
 */
@Service
class CompleteAttempt {

    private static final Logger log = LoggerFactory.getLogger(CompleteAttempt.class);

    /** What the attempt came to, for the meters. */
    record Completion(String outcome, Delivery delivery) {}

    private final DeliveryRepository deliveries;
    private final CallbackEvents events;
    private final DisableEndpoint disableEndpoint;
    private final RetrySchedule schedule;
    private final Clock clock;

    CompleteAttempt(
            DeliveryRepository deliveries,
            CallbackEvents events,
            DisableEndpoint disableEndpoint,
            RetrySchedule schedule,
            Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.disableEndpoint = disableEndpoint;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Transactional
    Optional<Completion> complete(
            ClaimDueDeliveries.Claim claim, Endpoint endpoint, SendResult result, Instant started) {
        Instant now = clock.instant();
        Delivery claimed = claim.delivery();
        // Order state first, then the delivery: the same lock order as recording and replaying.
        deliveries.lockOrderState(claimed.orderId());
        DeliveryRepository.ClaimedRow row = deliveries.lockClaimed(claimed.id()).orElseThrow();
        if (!claim.token().equals(row.claimToken())) {
            log.warn(
                    "Delivery {} attempt {} finished after its claim lease ran out; its result ({}) is dropped, the"
                            + " current claim decides",
                    claimed.id(),
                    claimed.attempts(),
                    result.outcome());
            return Optional.empty();
        }
        Delivery delivery = row.delivery();
        deliveries.insertAttempt(
                Ids.next(),
                new Attempt(
                        delivery.id(),
                        delivery.attempts(),
                        started,
                        result.url(),
                        result.outcome().name().toLowerCase(Locale.ROOT),
                        result.responseCode(),
                        result.responseExcerpt(),
                        result.latencyMs(),
                        result.error()));
        deliveries.clearInflight(delivery.orderId(), delivery.id());

        return Optional.of(
                switch (result.outcome()) {
                    case DELIVERED -> delivered(delivery, endpoint, result, now);
                    case GONE -> gone(delivery, endpoint, result, now);
                    case FAILED, REFUSED -> failed(delivery, endpoint, result, now);
                });
    }

    private Completion delivered(Delivery delivery, Endpoint endpoint, SendResult result, Instant now) {
        Delivery delivered = delivery.delivered(result, now);
        deliveries.save(delivered);
        if (delivered.kind() == DeliveryKind.ORDER) {
            deliveries.raiseDeliveredVersion(delivered.orderId(), delivered.orderVersion());
        }
        events.publish(CallbackEventType.DELIVERED, delivered, result.url(), now);
        return new Completion("delivered", delivered);
    }

    private Completion gone(Delivery delivery, Endpoint endpoint, SendResult result, Instant now) {
        Delivery dead = delivery.deadLettered(result, now);
        deliveries.save(dead);
        if (disableEndpoint.disable(endpoint.name(), endpoint.url(), "HTTP 410 Gone from " + result.url())) {
            events.publish(CallbackEventType.ENDPOINT_DISABLED, dead, result.url(), now);
        }
        events.publish(CallbackEventType.DEAD_LETTERED, dead, result.url(), now);
        return new Completion("endpoint_disabled", dead);
    }

    private Completion failed(Delivery delivery, Endpoint endpoint, SendResult result, Instant now) {
        String attemptOutcome = result.outcome() == SendResult.Outcome.REFUSED ? "refused" : "attempt_failed";
        // Only an order change is replaced by a newer one; an invoice document is retried to the end.
        if (delivery.kind() == DeliveryKind.ORDER
                && deliveries.hasOpenNewerThan(delivery.orderId(), delivery.orderVersion())) {
            Delivery superseded = delivery.superseded(result, now);
            deliveries.save(superseded);
            events.publish(CallbackEventType.SUPERSEDED, superseded, result.url(), now);
            return new Completion("superseded", superseded);
        }
        Optional<Duration> wait = schedule.delayAfter(delivery.attempts(), result.retryAfter());
        if (wait.isEmpty()) {
            Delivery dead = delivery.deadLettered(result, now);
            deliveries.save(dead);
            events.publish(CallbackEventType.DEAD_LETTERED, dead, result.url(), now);
            log.warn(
                    "Delivery {} of order {} v{} to {} dead-lettered after {} attempts: {}",
                    dead.id(),
                    dead.orderId(),
                    dead.orderVersion(),
                    dead.channel(),
                    dead.attempts(),
                    result.error());
            return new Completion("dead_lettered", dead);
        }
        Delivery failed = delivery.failed(result, now.plus(wait.get()), now);
        deliveries.save(failed);
        events.publish(CallbackEventType.ATTEMPT_FAILED, failed, result.url(), now);
        return new Completion(attemptOutcome, failed);
    }
}
