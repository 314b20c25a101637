package io.orderhub.payments.payment.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.orderhub.payments.payment.FindPayments;
import io.orderhub.payments.payment.HistoryEntry;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentStatus;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment reads: one, a page, an order's, a payment's history, and the stuck ones (admin); other channels'
 * payments are 404.
 */
@RestController
class PaymentQueryController {

    private final FindPayments payments;
    private final JsonMapper json;
    private final Clock clock;

    PaymentQueryController(FindPayments payments, JsonMapper json, Clock clock) {
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/payments/{id}")
    ResponseEntity<?> one(@PathVariable UUID id, ApiKey caller) {
        Payment payment =
                payments.byId(id, Callers.of(caller)).orElseThrow(() -> ApiException.notFound("No such payment"));
        return ResponseEntity.ok(ApiResponse.of(PaymentJson.of(payment, json)));
    }

    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/payments")
    ResponseEntity<?> list(
            ApiKey caller,
            @RequestParam(name = "order_id", required = false) UUID orderId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        if (status != null && PaymentStatus.parse(status).isEmpty()) {
            throw new ApiException(
                    ProblemType.MALFORMED_REQUEST,
                    "status: not a payment status",
                    List.of(new FieldError("status", "not a payment status")));
        }
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        Cursor.Page<Payment> page = Cursor.Page.of(
                payments.list(
                        Callers.of(caller),
                        orderId,
                        status,
                        provider,
                        after == null ? null : after.at(),
                        after == null ? null : after.id(),
                        size + 1),
                size,
                payment -> new Cursor(payment.createdAt(), payment.id()));
        return ResponseEntity.ok(ApiResponse.page(
                page.items().stream().map(p -> PaymentJson.of(p, json)).toList(), page.next()));
    }

    @Operation(summary = "Stuck payments: open and unchanged for a while, the oldest change first", description = """
                    Payments in an open status (`pending`, `requires_action`, `processing`) whose last change is \
                    older than `unchanged_for` (an ISO 8601 duration, e.g. `PT15M`, at least a second, at most 366 \
                    days) — the ones an operator asks the provider about. Every channel's; cursor-paged (`limit` 1 to \
                    200, default 50); `total` counts them all. Admin keys only.""")
    @RequiresScope(Scope.PAYMENTS_READ)
    @RequiresAdmin
    @GetMapping("/api/v1/payments/stuck")
    ResponseEntity<?> stuck(
            @RequestParam(name = "unchanged_for") String unchangedFor,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Duration unchanged = unchangedFor(unchangedFor);
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        FindPayments.Stuck stuck = payments.stuck(
                clock.instant().minus(unchanged),
                after == null ? null : after.at(),
                after == null ? null : after.id(),
                size + 1);
        Cursor.Page<Payment> page =
                Cursor.Page.of(stuck.page(), size, payment -> new Cursor(payment.updatedAt(), payment.id()));
        Map<String, Object> body = ApiResponse.page(
                page.items().stream().map(p -> PaymentJson.of(p, json)).toList(), page.next());
        body.put("total", stuck.total());
        return ResponseEntity.ok(body);
    }

    private static Duration unchangedFor(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("unchanged_for", "must be an ISO 8601 duration such as PT15M");
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(Duration.ofDays(366)) > 0) {
            throw ApiException.validation("unchanged_for", "must be between PT1S and P366D");
        }
        return duration;
    }

    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/payments/order/{order_id}")
    ResponseEntity<?> byOrder(@PathVariable("order_id") UUID orderId, ApiKey caller) {
        List<Payment> page = payments.list(Callers.of(caller), orderId, null, null, null, null, 200);
        return ResponseEntity.ok(
                ApiResponse.of(page.stream().map(p -> PaymentJson.of(p, json)).toList()));
    }

    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/payments/{id}/history")
    ResponseEntity<?> history(@PathVariable UUID id, ApiKey caller) {
        List<HistoryEntry> history =
                payments.history(id, Callers.of(caller)).orElseThrow(() -> ApiException.notFound("No such payment"));
        return ResponseEntity.ok(ApiResponse.of(
                history.stream().map(PaymentQueryController::entry).toList()));
    }

    private static Map<String, Object> entry(HistoryEntry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("old_status", entry.oldStatus());
        body.put("new_status", entry.newStatus());
        body.put("reason", entry.reason());
        body.put("changed_by", entry.changedBy());
        body.put("changed_at", entry.changedAt().toString());
        body.put("version", entry.version());
        body.put("type", entry.type().toLowerCase(java.util.Locale.ROOT));
        return body;
    }
}
