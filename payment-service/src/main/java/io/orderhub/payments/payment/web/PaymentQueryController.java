package io.orderhub.payments.payment.web;

import io.orderhub.httpapi.apikey.ApiKey;
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

/** The payment reads: one, a page, an order's, and a payment's history; other channels' payments are 404. */
@RestController
class PaymentQueryController {

    private final FindPayments payments;
    private final JsonMapper json;

    PaymentQueryController(FindPayments payments, JsonMapper json) {
        this.payments = payments;
        this.json = json;
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
