package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.endpoint.CallbackEndpoints;
import io.orderhub.callbacks.endpoint.Endpoint;
import io.orderhub.callbacks.endpoint.EndpointFormat;
import io.orderhub.callbacks.endpoint.EndpointStates;
import io.orderhub.messaging.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-sends an order's latest state held here, as a new delivery (its own {@code webhook-id}, {@code
 * replay_of} the delivery asked for) due at once. Waiting deliveries of the order are superseded by it; one
 * already on the wire finishes first, so versions still never go backwards. An invoice delivery is a document,
 * not a state: its replay re-sends its own body, behind the invoice's open deliveries, superseding nothing.
 */
@Service
public class ReplayDelivery {

    /** @param caller who asks: admin, or the channel that owns the order */
    public record Command(UUID deliveryId, Caller caller) {
        public Command {
            Objects.requireNonNull(deliveryId, "delivery id");
            Objects.requireNonNull(caller, "caller");
        }
    }

    private final DeliveryRepository deliveries;
    private final CallbackEndpoints endpoints;
    private final EndpointStates endpointStates;
    private final CallbackEvents events;
    private final DeliveryMetrics metrics;
    private final DispatchSignal signal;
    private final Clock clock;

    ReplayDelivery(
            DeliveryRepository deliveries,
            CallbackEndpoints endpoints,
            EndpointStates endpointStates,
            CallbackEvents events,
            DeliveryMetrics metrics,
            DispatchSignal signal,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.endpointStates = endpointStates;
        this.events = events;
        this.metrics = metrics;
        this.signal = signal;
        this.clock = clock;
    }

    @Transactional
    public Delivery replay(Command command) {
        Delivery original = deliveries
                .find(command.deliveryId())
                .filter(delivery -> command.caller().canSee(delivery.channel()))
                .orElseThrow(() -> new DeliveryNotFoundException("No delivery " + command.deliveryId()));
        Endpoint endpoint = endpoints
                .forSource(original.channel())
                .orElseThrow(() ->
                        new ReplayRefusedException("Channel " + original.channel() + " has no callback endpoint: set "
                                + Endpoint.nameFor(original.channel()) + "_CALLBACK_URL first"));
        endpointStates.find(endpoint.name()).filter(state -> state.disabled()).ifPresent(state -> {
            throw new ReplayRefusedException(
                    "The callback endpoint of " + original.channel() + " is disabled since " + state.disabledAt()
                            + " (" + state.disabledReason() + "); enable it first: POST /api/v1/callbacks/endpoints/"
                            + endpoint.name().toLowerCase(Locale.ROOT) + "/enable");
        });
        Instant now = clock.instant();
        if (original.kind() == DeliveryKind.INVOICE) {
            if (endpoint.format() == EndpointFormat.WOOCOMMERCE_REST) {
                throw new ReplayRefusedException(
                        "WooCommerce REST mode has no invoice callback: set WOOCOMMERCE_CALLBACK_MODE=hub first");
            }
            Delivery replay = original.replayedAs(Ids.next(), endpoint.name(), now);
            deliveries.insert(replay);
            signal.wakeAfterCommit();
            return replay;
        }
        OrderState state = deliveries.lockOrderState(original.orderId()).orElseThrow();
        Supersede.waiting(
                deliveries, events, metrics, original.orderId(), state.latest().version(), endpoint, now);
        Delivery replay = Delivery.pending(Ids.next(), state.latest(), endpoint.name(), original.id(), now);
        deliveries.insert(replay);
        signal.wakeAfterCommit();
        return replay;
    }
}
