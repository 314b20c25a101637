package io.orderhub.edge;

import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose {@code Content-Type} the edge cannot forward answers 415 here: Spring's HTTP client refuses
 * to send a wildcard ({@code *}{@code /*}) or an unparseable media type, which would otherwise surface as the
 * edge's own 500. The services behind decide which concrete types they accept.
 */
class ForwardableContentType extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ForwardableContentType(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !forwardable(contentType)) {
            problems.write(
                    request,
                    response,
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name one media type, such as application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean forwardable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
