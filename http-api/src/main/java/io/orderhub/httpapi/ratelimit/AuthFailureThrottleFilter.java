package io.orderhub.httpapi.ratelimit;

import io.orderhub.httpapi.apikey.ApiKeys;
import io.orderhub.httpapi.apikey.ProtectedPaths;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs around the API key check on protected paths: counts its 401 answers per client address
 * ({@code getRemoteAddr()}), and while an address is over its limit answers 429 with
 * {@code Retry-After} to every request from it that has no valid key — without a key lookup when no
 * Bearer key is sent at all. A request with a valid key always passes: when several clients share one
 * address (a proxy that does not forward theirs), one client's flood does not lock out the others.
 */
public class AuthFailureThrottleFilter extends OncePerRequestFilter {

    private static final Pattern BEARER = Pattern.compile("(?i)Bearer\\s+(\\S+)");

    private final AuthFailureThrottle throttle;
    private final ApiKeys keys;
    private final ProtectedPaths protectedPaths;
    private final ProblemWriter problems;

    public AuthFailureThrottleFilter(
            AuthFailureThrottle throttle, ApiKeys keys, List<String> publicPaths, ProblemWriter problems) {
        this.throttle = throttle;
        this.keys = keys;
        this.protectedPaths = new ProtectedPaths(publicPaths);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        long blocked = throttle.blockedSeconds(address);
        if (blocked > 0 && !hasValidKey(request)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(blocked));
            problems.write(
                    request,
                    response,
                    ProblemType.RATE_LIMITED,
                    "Too many requests with a missing or invalid API key from your address; retry after " + blocked
                            + " s");
            return;
        }
        chain.doFilter(request, new CountingUnauthorized(response, () -> throttle.failed(address)));
    }

    /**
     * Counts a 401 when its status is set, before its body reaches the client: counted after the chain, a client
     * that sent its next request on receiving the answer could overtake the count of the one before.
     */
    private static final class CountingUnauthorized extends HttpServletResponseWrapper {

        private final Runnable failed;
        private boolean counted;

        CountingUnauthorized(HttpServletResponse response, Runnable failed) {
            super(response);
            this.failed = failed;
        }

        @Override
        public void setStatus(int status) {
            count(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            count(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            count(status);
            super.sendError(status, message);
        }

        private void count(int status) {
            if (status == HttpServletResponse.SC_UNAUTHORIZED && !counted) {
                counted = true;
                failed.run();
            }
        }
    }

    /** Only protected paths answer 401; the public ones (health, webhooks) are never throttled. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !protectedPaths.isProtected(request.getRequestURI());
    }

    private boolean hasValidKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return false;
        }
        Matcher bearer = BEARER.matcher(authorization.strip());
        return bearer.matches() && keys.authenticate(bearer.group(1)).isPresent();
    }
}
