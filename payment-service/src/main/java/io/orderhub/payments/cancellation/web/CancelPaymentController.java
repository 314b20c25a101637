package io.orderhub.payments.cancellation.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.payments.cancellation.CancelPayment;
import io.orderhub.payments.payment.web.Callers;
import io.orderhub.payments.payment.web.PaymentJson;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/payments/{id}/cancel}: 200 with the cancelled payment. */
@RestController
class CancelPaymentController {

    private final CancelPayment cancelPayment;
    private final JsonMapper json;

    CancelPaymentController(CancelPayment cancelPayment, JsonMapper json) {
        this.cancelPayment = cancelPayment;
        this.json = json;
    }

    @RequiresScope(Scope.PAYMENTS_WRITE)
    @PostMapping("/api/v1/payments/{id}/cancel")
    ResponseEntity<?> cancel(@PathVariable UUID id, ApiKey caller) {
        return ResponseEntity.ok(ApiResponse.of(PaymentJson.of(cancelPayment.cancel(id, Callers.of(caller)), json)));
    }
}
