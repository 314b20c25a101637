package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.endpoint.CallbackEndpoints;
import io.orderhub.callbacks.endpoint.Endpoint;
import io.orderhub.callbacks.endpoint.EndpointFormat;
import io.orderhub.events.CallbackEventType;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.messaging.id.Ids;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.schemas.EventTopic;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an invoice event (issued, credit note, reminder) into one stored delivery for the channel that owns the
 * invoice, each event once (inbox). Unlike an order change it is not a state of the order: it neither supersedes
 * nor waits for the order's deliveries, and nothing supersedes it. An unconfigured channel, or WooCommerce in
 * REST mode (its REST API has nowhere to put an invoice), is recorded as skipped.
 */
@Service
public class RecordInvoiceEvent {

    private final Inbox inbox;
    private final DeliveryRepository deliveries;
    private final CallbackEndpoints endpoints;
    private final InvoiceLinks links;
    private final CallbackEvents events;
    private final DeliveryMetrics metrics;
    private final DispatchSignal signal;
    private final Clock clock;

    RecordInvoiceEvent(
            Inbox inbox,
            DeliveryRepository deliveries,
            CallbackEndpoints endpoints,
            InvoiceLinks links,
            CallbackEvents events,
            DeliveryMetrics metrics,
            DispatchSignal signal,
            Clock clock) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.links = links;
        this.events = events;
        this.metrics = metrics;
        this.signal = signal;
        this.clock = clock;
    }

    @Transactional
    public void record(InvoiceEvent event) {
        if (!inbox.firstDelivery(event.getEventId(), EventTopic.INVOICE_EVENTS.topicName())) {
            return;
        }
        Instant now = clock.instant();
        InvoiceNotice notice = new InvoiceNotice(
                event.getEventId(),
                event.getOrderId(),
                event.getInvoiceId(),
                event.getSource(),
                InvoiceCallbackBody.type(event.getType()),
                InvoiceCallbackBody.render(
                        event, links.document(event.getInvoiceId()), links.xrechnung(event.getInvoiceId())),
                event.getOccurredAt());
        String endpointName = Endpoint.nameFor(notice.channel());
        Optional<Endpoint> endpoint = endpoints.forSource(notice.channel());
        Optional<String> skipReason = endpoint.isEmpty()
                ? Optional.of("no callback endpoint: " + endpointName + "_CALLBACK_URL is not set")
                : endpoint.filter(e -> e.format() == EndpointFormat.WOOCOMMERCE_REST)
                        .map(e -> "WooCommerce REST mode has no invoice callback: set WOOCOMMERCE_CALLBACK_MODE=hub"
                                + " for the plugin's route to receive invoices");
        if (skipReason.isPresent()) {
            Delivery skipped =
                    Delivery.ofInvoice(Ids.next(), notice, endpointName, DeliveryStatus.SKIPPED, skipReason.get(), now);
            ClosedOnArrival.record(
                    deliveries,
                    events,
                    metrics,
                    skipped,
                    CallbackEventType.SKIPPED,
                    endpoint.map(Endpoint::url).orElse(null),
                    now);
            return;
        }
        deliveries.insert(Delivery.ofInvoice(Ids.next(), notice, endpointName, DeliveryStatus.PENDING, null, now));
        signal.wakeAfterCommit();
    }
}
