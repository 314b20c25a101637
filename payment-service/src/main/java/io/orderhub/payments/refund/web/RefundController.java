package io.orderhub.payments.refund.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.payments.payment.web.Callers;
import io.orderhub.payments.payment.web.PaymentJson;
import io.orderhub.payments.refund.RefundRequest;
import io.orderhub.payments.refund.RequestRefund;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/payments/{id}/refunds}: 201 with the refund, pending until the provider confirms. */
@RestController
class RefundController {

    private final RequestRefund requestRefund;

    RefundController(RequestRefund requestRefund) {
        this.requestRefund = requestRefund;
    }

    record Body(BigDecimal amount, String reason) {}

    @Operation(summary = "Refund a payment", description = """
                    Without `amount`, everything not yet refunded. `pending` until the provider confirms \
                    (`succeeded` or `failed`); refunds of `manual` and recorded payments are recorded at once. An \
                    amount above what is left is 422.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = Body.class),
                            examples = @ExampleObject(name = "partial", value = RefundExamples.REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "The refund.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "pending", value = RefundExamples.RESPONSE)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "502",
            description = "The provider failed; a retry with the same Idempotency-Key drives the refund again.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "504",
            description = "The provider timed out; the repair job settles the refund.")
    @RequiresScope(Scope.PAYMENTS_WRITE)
    @PostMapping("/api/v1/payments/{id}/refunds")
    ResponseEntity<?> refund(
            @PathVariable UUID id,
            @RequestBody(required = false) Body body,
            ApiKey caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Body given = body == null ? new Body(null, null) : body;
        RequestRefund.Result result = requestRefund.refund(
                new RefundRequest(id, given.amount(), given.reason()), Callers.of(caller), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ApiResponse.of(PaymentJson.refund(result.payment(), result.refund())));
    }
}
