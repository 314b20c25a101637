package io.orderhub.orders.order.web;

import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.orders.order.InvalidOrderException;
import io.orderhub.orders.order.OrderExistsException;
import io.orderhub.orders.order.OrderNotFoundException;
import io.orderhub.orders.order.TransitionForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order domain's refusals as problem responses; everything else falls through to the shared handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    static final ProblemType ORDER_EXISTS = new ProblemType("order-exists", 409, "Order exists");
    static final ProblemType TRANSITION_FORBIDDEN =
            new ProblemType("transition-forbidden", 409, "Status transition not allowed");

    @ExceptionHandler(InvalidOrderException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidOrderException e, HttpServletRequest request) {
        List<FieldError> errors = e.violations().stream()
                .map(v -> new FieldError(v.field(), v.message()))
                .toList();
        return Problem.response(
                ProblemType.VALIDATION_FAILED, e.getMessage(), request.getRequestURI(), errors, Map.of());
    }

    @ExceptionHandler(OrderExistsException.class)
    ResponseEntity<Map<String, Object>> exists(OrderExistsException e, HttpServletRequest request) {
        return Problem.response(
                ORDER_EXISTS,
                e.getMessage(),
                request.getRequestURI(),
                List.of(),
                Map.of("existing_order_id", e.existing().toString()));
    }

    @ExceptionHandler(TransitionForbiddenException.class)
    ResponseEntity<Map<String, Object>> forbidden(TransitionForbiddenException e, HttpServletRequest request) {
        Map<String, Object> statuses = new LinkedHashMap<>();
        statuses.put("current_status", e.from().apiName());
        statuses.put("requested_status", e.to().apiName());
        return Problem.response(TRANSITION_FORBIDDEN, e.getMessage(), request.getRequestURI(), List.of(), statuses);
    }

    @ExceptionHandler(OrderNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(OrderNotFoundException e, HttpServletRequest request) {
        return Problem.response(ProblemType.NOT_FOUND, e.getMessage(), request.getRequestURI(), List.of(), Map.of());
    }
}
