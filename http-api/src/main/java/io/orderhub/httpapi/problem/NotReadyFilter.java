package io.orderhub.httpapi.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} until the application is ready for traffic, and again once it is
 * shutting down. Tomcat accepts connections before the application context has finished refreshing: a
 * request then could reach beans that are not initialised yet (the edge's gateway answered 500s in that
 * window after a restart). Health and actuator paths pass, so probes and the start-up wait still see
 * the truth.
 */
public class NotReadyFilter extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 1;

    private final ApplicationAvailability availability;
    private final ProblemWriter problems;

    public NotReadyFilter(ApplicationAvailability availability, ProblemWriter problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/health") || path.equals("/api/v1/health") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        problems.write(
                request,
                response,
                ProblemType.SERVICE_UNAVAILABLE,
                "The service is starting or stopping; retry after " + RETRY_AFTER_SECONDS + " s.");
    }
}
