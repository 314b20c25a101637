package io.orderhub.httpapi.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The database cannot be reached right now. Either no connection within the pool's {@code
 * connection-timeout} (every connection busy, or the database does not answer), which Hikari reports as
 * {@link SQLTransientConnectionException}; or the connection in use was lost: PostgreSQL restarting or shut
 * down ended its session (SQLSTATE 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now) or
 * the link broke (class 08, connection exception). Once Hikari has seen such a failure it closes the
 * connection, and what its holder does next (Bucket4j's rollback, which then hides the original failure) fails
 * with Hikari's SQLSTATE-less "Connection is closed". Each arrives wrapped by whoever asked (Spring's
 * transaction manager, jOOQ, Bucket4j).
 * The request's transaction did not commit, or its outcome is unknown, and a retry with the same
 * Idempotency-Key is safe; the client may retry shortly, so the answer is 503 with {@code Retry-After}, never
 * a 500. The pool replaces lost connections with new ones once the database is back.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait: connections are held for milliseconds, a saturated pool clears fast. */
    public static final int RETRY_AFTER_SECONDS = 1;

    static final String DETAIL = "The service is busy; retry after " + RETRY_AFTER_SECONDS + " s";

    private DatabaseUnavailable() {}

    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /** Hikari's message for any use of a connection it closed (it gives no SQLSTATE). */
    private static final String POOL_CLOSED_THE_CONNECTION = "Connection is closed";

    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || (cause instanceof SQLException sql && connectionLost(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(SQLException failure) {
        String sqlState = failure.getSQLState();
        if (sqlState == null) {
            return POOL_CLOSED_THE_CONNECTION.equals(failure.getMessage());
        }
        return sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState);
    }

    static ResponseEntity<Map<String, Object>> response(HttpServletRequest request) {
        return ResponseEntity.status(ProblemType.SERVICE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.body(
                        ProblemType.SERVICE_UNAVAILABLE, DETAIL, request.getRequestURI(), List.of(), Map.of()));
    }
}
