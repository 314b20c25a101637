package io.orderhub.httpapi.ratelimit;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.ApiKeyFilter;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every authenticated request (replays too; requests refused before authentication do not
 * count) and answers {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on
 * each, or 429 with {@code Retry-After}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ProblemWriter problems;

    public RateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getAttribute(ApiKeyFilter.ATTRIBUTE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiKey key = (ApiKey) request.getAttribute(ApiKeyFilter.ATTRIBUTE);
        RateLimiter.Decision decision = limiter.consume(key);
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
            problems.write(
                    request,
                    response,
                    ProblemType.RATE_LIMITED,
                    "Rate limit of " + decision.limit() + " requests exceeded; retry after "
                            + Math.max(1, decision.retryAfterSeconds()) + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
