package io.orderhub.httpapi.request;

import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 problem, request paths that the servlet container and Spring MVC could read
 * differently from the guard rails: path parameters ({@code ;x=1}), percent-encoded {@code /}, {@code \},
 * {@code .} and {@code %}, {@code //}, dot segments, NUL and other non-printable characters. Spring
 * Security's {@link StrictHttpFirewall} with its defaults decides, as in any Spring Security application;
 * it runs first, so every later filter and handler sees only paths that have one reading. Parameters are
 * checked when first read: a refusal then is answered by {@code ProblemHandler} in a handler and by
 * {@code ProblemErrorController} when a later filter reads them.
 */
public class RequestFirewallFilter extends OncePerRequestFilter {

    /** The answer to a query parameter the firewall or Tomcat refuses, wherever it is first read. */
    public static final String UNREADABLE_PARAMETER =
            "A query parameter is not allowed: control characters in its name or value, or no name";

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final ProblemWriter problems;

    public RequestFirewallFilter(ProblemWriter problems) {
        this.problems = problems;
        // The firewall's default admits any parameter value; a NUL in one would reach PostgreSQL,
        // which refuses it in text. No channel sends control characters in a query parameter.
        firewall.setAllowedParameterValues(RequestFirewallFilter::hasNoControlCharacters);
    }

    private static boolean hasNoControlCharacters(String value) {
        return value.codePoints().noneMatch(Character::isISOControl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked;
        try {
            checked = firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            problems.write(
                    request,
                    response,
                    ProblemType.MALFORMED_REQUEST,
                    "The request path or a header is not allowed: no path parameters (;), encoded / \\ . %,"
                            + " empty or dot segments");
            return;
        }
        chain.doFilter(checked, response);
    }
}
