package io.orderhub.callbacks.delivery.web;

import io.orderhub.callbacks.delivery.DeliveryNotFoundException;
import io.orderhub.callbacks.delivery.ReplayRefusedException;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The delivery domain's refusals as problem responses; everything else falls through to the shared handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryProblems {

    @ExceptionHandler(DeliveryNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(DeliveryNotFoundException e, HttpServletRequest request) {
        return Problem.response(ProblemType.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(ReplayRefusedException e, HttpServletRequest request) {
        return Problem.response(ProblemType.CONFLICT, e.getMessage(), request);
    }
}
