package io.orderhub.httpapi.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * No database connection within the pool's {@code connection-timeout}: every connection is busy, or the
 * database does not answer. Hikari reports both as {@link SQLTransientConnectionException}, which arrives
 * wrapped by whoever asked (Spring's transaction manager, jOOQ, Bucket4j). The client may retry shortly,
 * so the answer is 503 with {@code Retry-After}, never a 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait: connections are held for milliseconds, a saturated pool clears fast. */
    public static final int RETRY_AFTER_SECONDS = 1;

    static final String DETAIL = "The service is busy; retry after " + RETRY_AFTER_SECONDS + " s";

    private DatabaseUnavailable() {}

    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<Map<String, Object>> response(HttpServletRequest request) {
        return ResponseEntity.status(ProblemType.SERVICE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.body(
                        ProblemType.SERVICE_UNAVAILABLE, DETAIL, request.getRequestURI(), List.of(), Map.of()));
    }
}
