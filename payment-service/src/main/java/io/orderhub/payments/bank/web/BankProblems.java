package io.orderhub.payments.bank.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.payments.bank.BankCreditNotFound;
import io.orderhub.payments.bank.BankCreditSettled;
import io.orderhub.payments.bank.UnreadableStatement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unreadable statement is 422 on the body, an unknown bank credit 404, one paying another invoice 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BankProblems {

    @ExceptionHandler(UnreadableStatement.class)
    ResponseEntity<Map<String, Object>> unreadable(UnreadableStatement e, HttpServletRequest request) {
        return Problem.response(
                new ApiException(
                        ProblemType.VALIDATION_FAILED, e.getMessage(), List.of(new FieldError("body", e.getMessage()))),
                request);
    }

    @ExceptionHandler(BankCreditNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(BankCreditNotFound e, HttpServletRequest request) {
        return Problem.response(ApiException.notFound(e.getMessage()), request);
    }

    @ExceptionHandler(BankCreditSettled.class)
    ResponseEntity<Map<String, Object>> settled(BankCreditSettled e, HttpServletRequest request) {
        return Problem.response(
                new ApiException(ProblemType.CONFLICT, e.getMessage(), List.of(), Map.of("invoice_id", e.invoiceId())),
                request);
    }
}
