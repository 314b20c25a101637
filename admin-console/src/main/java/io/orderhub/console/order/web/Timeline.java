package io.orderhub.console.order.web;

import io.orderhub.console.hub.Views.Attempt;
import io.orderhub.console.hub.Views.Change;
import io.orderhub.console.hub.Views.Delivery;
import io.orderhub.console.hub.Views.Dispute;
import io.orderhub.console.hub.Views.Payment;
import io.orderhub.console.hub.Views.ProviderEvent;
import io.orderhub.console.hub.Views.Refund;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order's history, its payments (their history, refunds, dispute and the provider events that named them) and its
 * callback deliveries with every attempt, as one list, oldest first.
 */
record Timeline(List<Timeline.Entry> entries) {

    /**
     * One thing that happened; {@code kind} is order, payment, refund, dispute, provider event, callback or
     * attempt.
     */
    record Entry(
            Instant at, String kind, String title, @Nullable String detail) {}

    /** A payment of the order with what the console read about it. */
    record PaymentStory(Payment payment, List<Change> history, List<ProviderEvent> events) {}

    static Timeline of(List<Change> orderHistory, List<PaymentStory> payments, List<Delivery> deliveries) {
        List<Entry> entries = new ArrayList<>();
        for (Change change : orderHistory) {
            entries.add(new Entry(change.changedAt(), "order", "Order " + moved(change), by(change)));
        }
        for (PaymentStory story : payments) {
            Payment payment = story.payment();
            for (Change change : story.history()) {
                entries.add(new Entry(
                        change.changedAt(),
                        "payment",
                        "Payment " + payment.provider() + " " + payment.amount() + " " + payment.currency() + " "
                                + moved(change),
                        "provider reference "
                                + (payment.providerReference() == null ? "none" : payment.providerReference())
                                + " · payment " + payment.id() + by(change)));
            }
            for (Refund refund : payment.refunds()) {
                if (refund.createdAt() != null) {
                    entries.add(new Entry(
                            refund.createdAt(),
                            "refund",
                            "Refund " + refund.amount() + " " + payment.currency() + " " + refund.status(),
                            "provider reference "
                                    + (refund.providerReference() == null ? "none" : refund.providerReference())
                                    + (refund.reason() == null ? "" : " · " + refund.reason())));
                }
            }
            Dispute dispute = payment.dispute();
            if (dispute != null && dispute.openedAt() != null) {
                entries.add(new Entry(
                        dispute.openedAt(),
                        "dispute",
                        "Dispute " + dispute.amount() + " " + payment.currency() + " opened, now " + dispute.status(),
                        "provider reference "
                                + (dispute.providerReference() == null ? "none" : dispute.providerReference())
                                + (dispute.reason() == null ? "" : " · " + dispute.reason())
                                + " · payment " + payment.id()));
            }
            for (ProviderEvent event : story.events()) {
                entries.add(new Entry(
                        event.receivedAt(),
                        "provider event",
                        "Provider event " + event.provider() + " " + event.type() + ": " + event.outcome(),
                        event.providerEventId() + " · signature verified"
                                + (event.duplicates() == 0
                                        ? ""
                                        : " · sent again " + event.duplicates()
                                                + (event.duplicates() == 1 ? " time" : " times"))
                                + (event.detail() == null ? "" : " · " + event.detail())));
            }
        }
        for (Delivery delivery : deliveries) {
            entries.add(new Entry(
                    delivery.createdAt(),
                    "callback",
                    "Callback " + delivery.subject() + " to " + delivery.channel() + ": " + delivery.status(),
                    "webhook-id " + delivery.id()
                            + (delivery.replayOf() == null ? "" : " · replay of " + delivery.replayOf())));
            for (Attempt attempt : delivery.attempts()) {
                entries.add(new Entry(
                        attempt.startedAt(),
                        "attempt",
                        "Callback attempt " + attempt.attempt() + ": " + attempt.outcome()
                                + (attempt.responseCode() == null ? "" : ", HTTP " + attempt.responseCode())
                                + (attempt.latencyMs() == null ? "" : ", " + attempt.latencyMs() + " ms"),
                        "webhook-id " + delivery.id()
                                + (attempt.url() == null ? "" : " · " + attempt.url())
                                + (attempt.responseExcerpt() == null
                                                || attempt.responseExcerpt().isEmpty()
                                        ? ""
                                        : " · answer: " + attempt.responseExcerpt())
                                + (attempt.error() == null ? "" : " · " + attempt.error())));
            }
        }
        entries.sort(Comparator.comparing(Entry::at));
        return new Timeline(entries);
    }

    private static String moved(Change change) {
        return change.oldStatus() == null
                ? "created " + change.newStatus()
                : change.oldStatus() + " → " + change.newStatus();
    }

    private static String by(Change change) {
        return (change.changedBy() == null ? "" : " · by " + change.changedBy())
                + (change.reason() == null ? "" : " · " + change.reason());
    }
}
