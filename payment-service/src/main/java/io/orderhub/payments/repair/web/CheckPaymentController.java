package io.orderhub.payments.repair.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.payments.payment.web.Callers;
import io.orderhub.payments.payment.web.PaymentJson;
import io.orderhub.payments.repair.CheckPayment;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** An operator's "ask the provider now" for one payment (admin keys only). */
@RestController
class CheckPaymentController {

    private final CheckPayment checkPayment;
    private final JsonMapper json;

    CheckPaymentController(CheckPayment checkPayment, JsonMapper json) {
        this.checkPayment = checkPayment;
        this.json = json;
    }

    @Operation(summary = "Ask the payment's provider about it now", description = """
                    Does at once what the repair worker does at its next look: finds the payment at the provider \
                    when its creation's answer was lost, moves it as the provider reports it (recorded in its \
                    history as the repair's change), cancels it there when its order was cancelled. 200 with the \
                    payment afterwards, changed or not; 409 for a payment its channel recorded (no provider knows \
                    it); 502/504 when the provider failed or timed out (the worker asks again later). Admin keys \
                    only.""")
    @RequiresScope(Scope.PAYMENTS_WRITE)
    @RequiresAdmin
    @PostMapping("/api/v1/payments/{id}/check")
    ResponseEntity<?> check(@PathVariable UUID id, ApiKey caller) {
        return ResponseEntity.ok(ApiResponse.of(PaymentJson.of(checkPayment.check(id, Callers.of(caller)), json)));
    }

    @ExceptionHandler(CheckPayment.NoProviderToAsk.class)
    ResponseEntity<Map<String, Object>> noProvider(CheckPayment.NoProviderToAsk e, HttpServletRequest request) {
        return Problem.response(new ApiException(ProblemType.CONFLICT, e.getMessage()), request);
    }
}
