package io.orderhub.payments.creation.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.payments.creation.CreatePayment;
import io.orderhub.payments.creation.CreationResult;
import io.orderhub.payments.creation.PaymentRequest;
import io.orderhub.payments.payment.web.PaymentJson;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/payments}. Recorded payments are one transaction, whose answer commits with it; provider
 * payments commit their own steps around the provider call, and the Idempotency-Key filter stores their answer
 * right after.
 */
@RestController
class CreatePaymentController {

    private final CreatePayment createPayment;
    private final IdempotentResponses responses;
    private final JsonMapper json;

    CreatePaymentController(CreatePayment createPayment, IdempotentResponses responses, JsonMapper json) {
        this.createPayment = createPayment;
        this.responses = responses;
        this.json = json;
    }

    record Body(
            String orderId,
            String provider,
            BigDecimal amount,
            String currency,
            String returnUrl,
            String sourcePaymentId,
            String providerReference,
            String status,
            JsonNode metadata) {}

    @PostMapping("/api/v1/payments")
    ResponseEntity<?> create(
            @RequestBody Body body,
            ApiKey caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        PaymentRequest request = PaymentRequest.of(
                body.orderId(),
                body.provider(),
                body.amount(),
                body.currency(),
                body.returnUrl(),
                body.sourcePaymentId(),
                body.providerReference(),
                body.status(),
                body.metadata() == null || body.metadata().isNull() ? null : json.writeValueAsString(body.metadata()));
        if (request.recorded()) {
            return responses.commit(() -> answer(createPayment.create(request, caller, idempotencyKey)));
        }
        return answer(createPayment.create(request, caller, idempotencyKey));
    }

    private ResponseEntity<?> answer(CreationResult result) {
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(PaymentJson.of(result.payment(), json)));
    }
}
