package io.orderhub.httpapi.apikey;

import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * {@code Authorization: Bearer <key>} on every protected path: missing or malformed → 401, unknown → 401.
 * The key travels on as a request attribute; what it may do is decided per handler, after handler mapping,
 * by {@link HandlerAuthorization}. This filter only authenticates, before the rate limit and the
 * Idempotency-Key, which count and remember per key.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = ApiKey.class.getName();

    private final ApiKeys keys;
    private final ProtectedPaths protectedPaths;
    private final ProblemWriter problems;

    public ApiKeyFilter(ApiKeys keys, ProtectedPaths protectedPaths, ProblemWriter problems) {
        this.keys = keys;
        this.protectedPaths = protectedPaths;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !protectedPaths.isProtected(path(request));
    }

    /**
     * The path as Spring MVC matches it: percent-decoded ({@code /api/v1/%6frders} is {@code /orders}),
     * without path parameters, so no spelling of a protected path escapes the key.
     */
    private static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            unauthorized(
                    request, response, ProblemType.MISSING_API_KEY, "Send your API key as Authorization: Bearer <key>");
            return;
        }
        String[] parts = authorization.strip().split("\\s+");
        if (parts.length != 2 || !"Bearer".equalsIgnoreCase(parts[0])) {
            unauthorized(
                    request, response, ProblemType.MISSING_API_KEY, "The Authorization header must be Bearer <key>");
            return;
        }
        Optional<ApiKey> key = keys.authenticate(parts[1]);
        if (key.isEmpty()) {
            unauthorized(request, response, ProblemType.INVALID_API_KEY, "The API key is not valid");
            return;
        }
        request.setAttribute(ATTRIBUTE, key.get());
        chain.doFilter(request, response);
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"orderhub\"");
        problems.write(request, response, type, detail);
    }
}
