package io.orderhub.payments.payment.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.payments.payment.ImportPayment;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/import/payments}: bin/orderhub-import brings the old hub's payments over (docs/switch-over.md). */
@RestController
class ImportPaymentController {

    private final ImportPayment importPayment;
    private final JsonMapper json;

    ImportPaymentController(ImportPayment importPayment, JsonMapper json) {
        this.importPayment = importPayment;
        this.json = json;
    }

    record Body(
            UUID orderId,
            String source,
            String provider,
            String method,
            String status,
            BigDecimal amount,
            String currency,
            BigDecimal refundedAmount,
            String providerReference,
            Boolean recorded,
            String returnUrl,
            JsonNode metadata,
            Instant createdAt,
            List<HistoryBody> history) {}

    record HistoryBody(String oldStatus, String newStatus, String reason, String changedBy, Instant changedAt) {}

    @Operation(summary = "Import one payment of the old hub under its old id (admin key)", description = """
                    The payment of an imported order (`order_id` its old id, `source` its channel), in the hub's \
                    statuses, with its `provider_reference` (a Stripe PaymentIntent id, a BTCPay invoice id: \
                    webhooks for it match after the switch) and its history de-duplicated, starting with the \
                    creation row (`old_status` null) and ending in `status`. `recorded` for money a channel or a \
                    provider the hub does not drive collected (the old hub's `paypal`, `sepa`, `manual`). 201 when \
                    stored; the same id again changes nothing and answers 200 with the same body; a provider \
                    reference another payment holds is 409. Its one event is `CREATED` with `imported` true: \
                    order-service keeps it without moving the order, and no callback goes out.""")
    @RequiresAdmin
    @PutMapping("/api/v1/import/payments/{id}")
    ResponseEntity<?> importPayment(@PathVariable UUID id, @RequestBody Body body, ApiKey caller) {
        List<ImportPayment.History> history = body.history() == null
                ? null
                : body.history().stream()
                        .map(h -> h == null
                                ? null
                                : new ImportPayment.History(
                                        h.oldStatus(), h.newStatus(), h.reason(), h.changedBy(), h.changedAt()))
                        .toList();
        ImportPayment.Result result = importPayment.importPayment(
                new ImportPayment.Command(
                        id,
                        body.orderId(),
                        body.source(),
                        body.provider(),
                        body.method(),
                        body.status(),
                        body.amount(),
                        body.currency(),
                        body.refundedAmount(),
                        body.providerReference(),
                        Boolean.TRUE.equals(body.recorded()),
                        body.returnUrl(),
                        body.metadata() == null || body.metadata().isNull()
                                ? null
                                : json.writeValueAsString(body.metadata()),
                        body.createdAt(),
                        history),
                caller.name());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(PaymentJson.of(result.payment(), json)));
    }
}
