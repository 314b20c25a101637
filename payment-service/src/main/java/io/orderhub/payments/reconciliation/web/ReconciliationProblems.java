package io.orderhub.payments.reconciliation.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.payments.reconciliation.RunNotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unknown run is 404; invalid requests are the payment API's 422 (its InvalidRequest). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReconciliationProblems {

    @ExceptionHandler(RunNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(RunNotFound e, HttpServletRequest request) {
        return Problem.response(ApiException.notFound(e.getMessage()), request);
    }
}
