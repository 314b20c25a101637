package io.orderhub.orders.contract.web;

import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.money.Money;
import io.orderhub.orders.contract.ContractNotFoundException;
import io.orderhub.orders.contract.CreditLimitExceededException;
import io.orderhub.orders.contract.InvalidContractException;
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
 * The contract domain's refusals as problem responses — also those of an order on account, whose credit
 * check throws them while the order is placed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContractProblems {

    static final ProblemType CREDIT_LIMIT_EXCEEDED =
            new ProblemType("credit-limit-exceeded", 422, "Credit limit exceeded");

    @ExceptionHandler(InvalidContractException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidContractException e, HttpServletRequest request) {
        List<FieldError> errors = e.problems().stream()
                .map(p -> new FieldError(p.field(), p.message()))
                .toList();
        return Problem.response(
                ProblemType.VALIDATION_FAILED, e.getMessage(), request.getRequestURI(), errors, Map.of());
    }

    /** Names the limit, what is open and the order, so the channel can tell its buyer. */
    @ExceptionHandler(CreditLimitExceededException.class)
    ResponseEntity<Map<String, Object>> creditLimit(CreditLimitExceededException e, HttpServletRequest request) {
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("contract_id", e.contract().toString());
        amounts.put("currency", e.creditLimit().currency().code());
        amounts.put("credit_limit", e.creditLimit().amount());
        amounts.put("open_receivables", e.openReceivables().amount());
        amounts.put("order_total", e.orderTotal().amount());
        Money available = e.creditLimit().minus(e.openReceivables());
        amounts.put("available", available.max(Money.zero(available.currency())).amount());
        return Problem.response(
                CREDIT_LIMIT_EXCEEDED,
                e.getMessage(),
                request.getRequestURI(),
                List.of(new FieldError("contract_id", "the credit limit does not cover this order")),
                amounts);
    }

    @ExceptionHandler(ContractNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(ContractNotFoundException e, HttpServletRequest request) {
        return Problem.response(ProblemType.NOT_FOUND, e.getMessage(), request.getRequestURI(), List.of(), Map.of());
    }
}
