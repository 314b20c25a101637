package io.orderhub.payments.payment.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Renders an {@link ApiException} from an exception handler: an exception thrown by a handler is not handled
 * again, so the service's own handlers answer in the shared problem shape directly.
 */
public final class Problems {

    private Problems() {}

    public static ResponseEntity<Map<String, Object>> answer(ApiException e, HttpServletRequest request) {
        return ResponseEntity.status(e.problemType().status())
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.body(
                        e.problemType(), e.getMessage(), request.getRequestURI(), e.errors(), e.properties()));
    }
}
