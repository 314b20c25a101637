package io.orderhub.payments.payment.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.payments.payment.IllegalTransition;
import io.orderhub.payments.payment.RefundRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The payment's domain refusals as problem responses: a forbidden move is 409, an amount too high 422. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

    @ExceptionHandler(IllegalTransition.class)
    ResponseEntity<Map<String, Object>> transition(IllegalTransition e, HttpServletRequest request) {
        return Problems.answer(
                new ApiException(
                        ProblemType.CONFLICT,
                        e.getMessage(),
                        List.of(),
                        Map.of("current_status", e.from().wireName(), "requested_status", e.to().wireName())),
                request);
    }

    @ExceptionHandler(RefundRejected.class)
    ResponseEntity<Map<String, Object>> refund(RefundRejected e, HttpServletRequest request) {
        if (e.conflict()) {
            return Problems.answer(new ApiException(ProblemType.CONFLICT, e.getMessage()), request);
        }
        return Problems.answer(
                new ApiException(
                        ProblemType.VALIDATION_FAILED,
                        "amount: " + e.getMessage(),
                        List.of(new FieldError("amount", e.getMessage()))),
                request);
    }
}
