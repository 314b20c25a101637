package io.orderhub.payments.creation.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.payments.creation.CreatePayment;
import io.orderhub.payments.creation.CreationResult;
import io.orderhub.payments.creation.PaymentRequest;
import io.orderhub.payments.payment.web.Callers;
import io.orderhub.payments.payment.web.PaymentJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
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

    @Operation(summary = "Create a payment", description = """
                    `stripe` creates a PaymentIntent (`next_action.client_secret`), `btcpay` an invoice \
                    (`next_action.url`), `manual` succeeds at once. With a `status` (`succeeded`, `failed`, \
                    `pending`) the channel records what its own gateway did: no provider call, `recorded: true`, \
                    upserted by `(source, source_payment_id)`. `amount` defaults to what is still open. A \
                    provider failing or timing out answers 502 or 504; a retry with the same Idempotency-Key \
                    drives it again.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = Body.class),
                            examples = {
                                @ExampleObject(
                                        name = "stripe",
                                        summary = "A Stripe payment the hub creates",
                                        value = PaymentExamples.STRIPE_REQUEST),
                                @ExampleObject(
                                        name = "recorded",
                                        summary = "A payment the plugin's own gateway took",
                                        value = PaymentExamples.RECORDED_REQUEST)
                            }))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "The payment.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = {
                                @ExampleObject(name = "stripe", value = PaymentExamples.STRIPE_RESPONSE),
                                @ExampleObject(name = "recorded", value = PaymentExamples.RECORDED_RESPONSE)
                            }))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "A recorded payment sent again: the same payment, updated to the status sent.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "recorded", value = PaymentExamples.RECORDED_RESPONSE)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "502",
            description = "The provider failed; nothing is half-done, a retry drives the payment again.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "504",
            description = "The provider timed out; the repair job settles the payment, a retry drives it again.")
    @RequiresScope(Scope.PAYMENTS_WRITE)
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
                body.metadata() == null || body.metadata().isNull() ? null : json.writeValueAsString(body.metadata()),
                null);
        if (request.recorded()) {
            // The wait for the order comes first: inside the transaction it would hold a connection that the
            // consumer bringing the order's event needs.
            createPayment.awaitOrder(request.orderId());
            return responses.commit(() -> answer(createPayment.create(request, Callers.of(caller), idempotencyKey)));
        }
        return answer(createPayment.create(request, Callers.of(caller), idempotencyKey));
    }

    private ResponseEntity<?> answer(CreationResult result) {
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(PaymentJson.of(result.payment(), json)));
    }
}
