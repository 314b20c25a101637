package io.orderhub.edge;

import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * A service the edge cannot reach answers as a problem document with {@code Retry-After} — not a 500, which would
 * say the edge itself failed, and never the service's address: 503 when nothing listens (the service is stopped
 * or restarting, so the request never reached it), 502 when it dropped the connection (the request may have been
 * applied: a retry needs its Idempotency-Key), 504 when it did not answer in time.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UpstreamProblems {

    static final ProblemType BAD_GATEWAY = new ProblemType("bad-gateway", 502, "Bad gateway");
    static final ProblemType GATEWAY_TIMEOUT = new ProblemType("gateway-timeout", 504, "Gateway timeout");

    private static final Logger log = LoggerFactory.getLogger(UpstreamProblems.class);

    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<Map<String, Object>> unreachable(ResourceAccessException e, HttpServletRequest request) {
        // A read timeout (SocketTimeoutException), a connect timeout, or no pooled connection in time.
        boolean timedOut = e.getCause() instanceof InterruptedIOException;
        boolean notListening = e.getCause() instanceof ConnectException;
        log.warn("The service behind {} {} failed: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ProblemType type = timedOut ? GATEWAY_TIMEOUT : notListening ? ProblemType.SERVICE_UNAVAILABLE : BAD_GATEWAY;
        String detail = timedOut
                ? "The service behind this path did not answer in time; retry later"
                : notListening
                        ? "The service behind this path is not running (it may be restarting); retry later"
                        : "The service behind this path dropped the connection; retry later";
        return ResponseEntity.status(type.status())
                .header("Retry-After", "5")
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.body(type, detail, request.getRequestURI(), List.of(), Map.of()));
    }
}
