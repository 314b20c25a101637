package io.orderhub.payments.providerevent.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.orderhub.payments.payment.FindPayments;
import io.orderhub.payments.payment.web.Callers;
import io.orderhub.payments.providerevent.FindProviderEvents;
import io.orderhub.payments.providerevent.ReceivedEvent;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the providers told the hub: a payment's events (for whoever may read the payment) and the events that
 * named no payment the hub knows (admin keys only: they belong to no channel).
 */
@RestController
class ProviderEventController {

    private final FindPayments payments;
    private final FindProviderEvents events;

    ProviderEventController(FindPayments payments, FindProviderEvents events) {
        this.payments = payments;
        this.events = events;
    }

    @Operation(summary = "A payment's provider events, in the order received", description = """
                    Every webhook event of the payment's provider that named it, verified by webhook-gateway: \
                    `provider`, `provider_event_id` (Stripe `evt_…`, BTCPay's delivery id), `type`, \
                    `provider_reference`, `outcome` (`applied`, `ignored` — already there or out of order —), \
                    `detail`, `occurred_at`, `received_at`, `handled_at`, and `duplicates`: how many times the \
                    provider sent it again (each retry applied nothing).""")
    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/payments/{id}/provider-events")
    ResponseEntity<?> ofPayment(@PathVariable UUID id, ApiKey caller) {
        payments.byId(id, Callers.of(caller)).orElseThrow(() -> ApiException.notFound("No such payment"));
        return ResponseEntity.ok(ApiResponse.of(
                events.ofPayment(id).stream().map(ProviderEventController::json).toList()));
    }

    @Operation(summary = "Provider events that matched no payment, the latest first, cursor-paged", description = """
                    Events whose reference and metadata name no payment the hub knows — a payment made at the \
                    provider without the hub, or one whose creation the hub lost — for an operator to look \
                    into. Admin keys only.""")
    @RequiresAdmin
    @GetMapping("/api/v1/provider-events/unmatched")
    ResponseEntity<?> unmatched(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        Cursor.Page<ReceivedEvent> page = Cursor.Page.of(
                events.unmatched(after == null ? null : after.at(), after == null ? null : after.id(), size + 1),
                size,
                event -> new Cursor(event.handledAt(), event.eventId()));
        return ResponseEntity.ok(ApiResponse.page(
                page.items().stream().map(ProviderEventController::json).toList(), page.next()));
    }

    private static Map<String, Object> json(ReceivedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", event.provider());
        body.put("provider_event_id", event.providerEventId());
        body.put("event_id", event.eventId());
        body.put("type", event.type());
        body.put("provider_reference", event.providerReference());
        body.put("payment_id", event.paymentId());
        body.put("outcome", event.outcome());
        body.put("detail", event.detail());
        body.put("occurred_at", event.occurredAt().toString());
        body.put("received_at", event.receivedAt().toString());
        body.put("handled_at", event.handledAt().toString());
        body.put("duplicates", event.duplicates());
        return body;
    }
}
