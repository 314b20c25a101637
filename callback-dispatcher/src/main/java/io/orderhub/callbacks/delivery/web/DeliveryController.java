package io.orderhub.callbacks.delivery.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.orderhub.callbacks.delivery.Attempt;
import io.orderhub.callbacks.delivery.Caller;
import io.orderhub.callbacks.delivery.Delivery;
import io.orderhub.callbacks.delivery.DeliveryFilter;
import io.orderhub.callbacks.delivery.DeliveryPage;
import io.orderhub.callbacks.delivery.DeliveryStatus;
import io.orderhub.callbacks.delivery.FindDeliveries;
import io.orderhub.callbacks.delivery.ReplayDelivery;
import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/callbacks/deliveries} and {@code POST /api/v1/callbacks/deliveries/{id}/replay}. */
@RestController
class DeliveryController {

    private final FindDeliveries findDeliveries;
    private final ReplayDelivery replayDelivery;
    private final IdempotentResponses responses;

    DeliveryController(FindDeliveries findDeliveries, ReplayDelivery replayDelivery, IdempotentResponses responses) {
        this.findDeliveries = findDeliveries;
        this.replayDelivery = replayDelivery;
        this.responses = responses;
    }

    record AttemptView(
            int attempt,
            Instant startedAt,
            String url,
            String outcome,
            Integer responseCode,
            String responseExcerpt,
            long latencyMs,
            String error) {

        static AttemptView of(Attempt attempt) {
            return new AttemptView(
                    attempt.attempt(),
                    attempt.startedAt(),
                    attempt.url(),
                    attempt.outcome(),
                    attempt.responseCode(),
                    attempt.responseExcerpt(),
                    attempt.latencyMs(),
                    attempt.error());
        }
    }

    record DeliveryView(
            UUID id,
            UUID eventId,
            UUID orderId,
            long orderVersion,
            String kind,
            UUID invoiceId,
            String channel,
            String type,
            String status,
            int attemptCount,
            Instant nextAttemptAt,
            Integer lastResponseCode,
            String lastResponseExcerpt,
            Long lastLatencyMs,
            String lastError,
            UUID replayOf,
            Instant createdAt,
            Instant updatedAt,
            Instant deliveredAt,
            @JsonRawValue String payload,
            List<AttemptView> attempts) {

        static DeliveryView of(Delivery delivery, List<Attempt> attempts) {
            return new DeliveryView(
                    delivery.id(),
                    delivery.eventId(),
                    delivery.orderId(),
                    delivery.orderVersion(),
                    delivery.kind().label(),
                    delivery.invoiceId(),
                    delivery.channel(),
                    delivery.type(),
                    delivery.status().label(),
                    delivery.attempts(),
                    delivery.status().isOpen() ? delivery.nextAttemptAt() : null,
                    delivery.lastResponseCode(),
                    delivery.lastResponseExcerpt(),
                    delivery.lastLatencyMs(),
                    delivery.lastError(),
                    delivery.replayOf(),
                    delivery.createdAt(),
                    delivery.updatedAt(),
                    delivery.deliveredAt(),
                    delivery.payload(),
                    attempts.stream().map(AttemptView::of).toList());
        }
    }

    @Operation(summary = "Callback deliveries, newest first, cursor-paged", description = """
                    The admin key sees every channel's deliveries, a channel key its own. `status` is one of \
                    `pending`, `failed`, `delivered`, `dead_lettered`, `superseded`, `skipped`; each delivery \
                    carries its attempts and the exact payload sent. `kind` is `order` (an order change: \
                    `order.status_changed`, `order.payment_updated`) or `invoice` (an invoice document: \
                    `invoice.issued`, `invoice.credit_note_issued`, `invoice.reminder_issued`, with its \
                    `invoice_id`, `order_version` 0).""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "A page of deliveries; `next_cursor` continues after it.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "delivered", value = DeliveryExamples.LIST_RESPONSE)))
    @RequiresScope(Scope.CALLBACKS_READ)
    @GetMapping("/api/v1/callbacks/deliveries")
    ResponseEntity<?> list(
            @RequestParam(name = "order_id", required = false) UUID orderId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            ApiKey caller) {
        DeliveryStatus wanted = status == null || status.isBlank()
                ? null
                : DeliveryStatus.parse(status)
                        .orElseThrow(() -> ApiException.validation(
                                "status",
                                "must be one of "
                                        + Arrays.stream(DeliveryStatus.values())
                                                .map(DeliveryStatus::label)
                                                .collect(Collectors.joining(", "))));
        Cursor position = Cursor.decode(cursor);
        DeliveryPage page = findDeliveries.find(
                new DeliveryFilter(orderId, wanted, channel == null || channel.isBlank() ? null : channel),
                caller(caller),
                position == null ? null : new DeliveryPage.Position(position.at(), position.id()),
                Cursor.limit(limit));
        List<DeliveryView> views = page.deliveries().stream()
                .map(delivery -> DeliveryView.of(delivery, page.attempts().getOrDefault(delivery.id(), List.of())))
                .toList();
        return ResponseEntity.ok(ApiResponse.page(
                views,
                page.next() == null
                        ? null
                        : new Cursor(page.next().createdAt(), page.next().id()).encode()));
    }

    @Operation(summary = "Send an order's latest state, or an invoice document, again", description = """
                    An order change: a new delivery of the order's latest state (`replay_of` the one asked for, \
                    its own `webhook-id`), due at once; deliveries of the order still waiting are superseded by \
                    it. An invoice delivery: a new delivery of that delivery's own body, superseding nothing. \
                    409 when the channel has no callback endpoint or it is disabled (or, for an invoice, is \
                    WooCommerce in REST mode).""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "202",
            description = "The new delivery, pending.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "replay", value = DeliveryExamples.REPLAY_RESPONSE)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "409",
            description =
                    "The channel has no callback endpoint, or it is disabled (enable it first), or a request with "
                            + "the same Idempotency-Key is still in flight.")
    @RequiresScope(Scope.CALLBACKS_WRITE)
    @PostMapping("/api/v1/callbacks/deliveries/{id}/replay")
    ResponseEntity<byte[]> replay(@PathVariable UUID id, ApiKey caller) {
        return responses.commit(() -> {
            Delivery replay = replayDelivery.replay(new ReplayDelivery.Command(id, caller(caller)));
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.of(DeliveryView.of(replay, List.of())));
        });
    }

    private static Caller caller(ApiKey key) {
        return new Caller(key.channel(), key.isAdmin());
    }
}
