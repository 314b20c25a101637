package io.orderhub.payments.provider.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.payments.provider.ProviderFailure;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A provider that failed (502), timed out (504) or refused (422); nothing half-done stays visible. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProviderProblems {

    static final ProblemType UNAVAILABLE = new ProblemType("provider-unavailable", 502, "Payment provider failed");
    static final ProblemType TIMEOUT = new ProblemType("provider-timeout", 504, "Payment provider timed out");
    static final ProblemType REFUSED = new ProblemType("provider-refused", 422, "Payment provider refused the request");

    private static final Logger log = LoggerFactory.getLogger(ProviderProblems.class);

    @ExceptionHandler(ProviderFailure.class)
    ResponseEntity<Map<String, Object>> failure(ProviderFailure failure, HttpServletRequest request) {
        log.warn("Provider call failed: {}", failure.getMessage());
        ProblemType type = switch (failure.kind()) {
            case UNAVAILABLE -> UNAVAILABLE;
            case TIMEOUT -> TIMEOUT;
            case REFUSED -> REFUSED;
        };
        return Problem.response(
                new ApiException(
                        type,
                        failure.getMessage()
                                + (failure.kind() == ProviderFailure.Kind.REFUSED
                                        ? ""
                                        : "; nothing was changed, retry with the same Idempotency-Key")),
                request);
    }
}
