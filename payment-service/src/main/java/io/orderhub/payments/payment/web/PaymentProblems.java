package io.orderhub.payments.payment.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.payments.payment.CancellationRefused;
import io.orderhub.payments.payment.DuplicatePayment;
import io.orderhub.payments.payment.IdempotencyKeyReused;
import io.orderhub.payments.payment.IllegalTransition;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.OrderNotYetSeen;
import io.orderhub.payments.payment.PaymentNotFound;
import io.orderhub.payments.payment.RecordedStatusRefused;
import io.orderhub.payments.payment.RefundRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The payment domain's refusals as problem responses: a bad field is 422 naming it, an unknown (or unseen)
 * payment 404, a forbidden move or a duplicate 409, an amount too high 422.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidRequest e, HttpServletRequest request) {
        List<FieldError> errors = e.violations().stream()
                .map(v -> new FieldError(v.field(), v.message()))
                .toList();
        return Problem.response(new ApiException(ProblemType.VALIDATION_FAILED, e.getMessage(), errors), request);
    }

    /** Temporary: 503 with {@code Retry-After}, which the Idempotency-Key store never keeps. */
    @ExceptionHandler(OrderNotYetSeen.class)
    ResponseEntity<Map<String, Object>> orderNotYetSeen(OrderNotYetSeen e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> problem =
                Problem.response(new ApiException(ProblemType.SERVICE_UNAVAILABLE, e.getMessage()), request);
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header("Retry-After", "5")
                .body(problem.getBody());
    }

    @ExceptionHandler(PaymentNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(PaymentNotFound e, HttpServletRequest request) {
        return Problem.response(ApiException.notFound(e.getMessage()), request);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<Map<String, Object>> keyReused(IdempotencyKeyReused e, HttpServletRequest request) {
        return Problem.response(new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage()), request);
    }

    @ExceptionHandler(DuplicatePayment.class)
    ResponseEntity<Map<String, Object>> duplicate(DuplicatePayment e, HttpServletRequest request) {
        Map<String, Object> properties = e.existingPaymentId()
                .<Map<String, Object>>map(id -> Map.of("existing_payment_id", id))
                .orElse(Map.of());
        return conflict(e.getMessage(), properties, request);
    }

    @ExceptionHandler(RecordedStatusRefused.class)
    ResponseEntity<Map<String, Object>> recordedStatus(RecordedStatusRefused e, HttpServletRequest request) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("payment_id", e.paymentId());
        properties.put("current_status", e.current().wireName());
        return conflict(e.getMessage(), properties, request);
    }

    @ExceptionHandler(CancellationRefused.class)
    ResponseEntity<Map<String, Object>> cancellation(CancellationRefused e, HttpServletRequest request) {
        return conflict(e.getMessage(), Map.of("current_status", e.current().wireName()), request);
    }

    @ExceptionHandler(IllegalTransition.class)
    ResponseEntity<Map<String, Object>> transition(IllegalTransition e, HttpServletRequest request) {
        return conflict(
                e.getMessage(),
                Map.of("current_status", e.from().wireName(), "requested_status", e.to().wireName()),
                request);
    }

    @ExceptionHandler(RefundRejected.class)
    ResponseEntity<Map<String, Object>> refund(RefundRejected e, HttpServletRequest request) {
        if (e.conflict()) {
            return Problem.response(new ApiException(ProblemType.CONFLICT, e.getMessage()), request);
        }
        return Problem.response(
                new ApiException(
                        ProblemType.VALIDATION_FAILED,
                        "amount: " + e.getMessage(),
                        List.of(new FieldError("amount", e.getMessage()))),
                request);
    }

    private static ResponseEntity<Map<String, Object>> conflict(
            String detail, Map<String, Object> properties, HttpServletRequest request) {
        return Problem.response(new ApiException(ProblemType.CONFLICT, detail, List.of(), properties), request);
    }
}
