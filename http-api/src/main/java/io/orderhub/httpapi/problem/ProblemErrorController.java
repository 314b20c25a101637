package io.orderhub.httpapi.problem;

import io.orderhub.httpapi.request.RequestFirewallFilter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): errors raised outside Spring MVC (a filter, the servlet
 * container) are answered as problems too, never as Boot's default body or an HTML page. Not an operation
 * of the API, so hidden from its description.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @PermitAll
    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? null : uri.toString();
        ApiException refusal = refusalIn(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        if (refusal != null) {
            return Problem.response(
                    refusal.problemType(), refusal.getMessage(), instance, refusal.errors(), refusal.properties());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        ProblemType type = ProblemTypes.forStatus(status);
        String detail = status >= 500 ? "An unexpected error occurred" : type.title();
        return Problem.response(type, detail, instance, List.of(), Map.of());
    }

    /**
     * A refusal a filter threw rather than answered: the body limit reached while a later filter read the
     * body, a query parameter the firewall or Tomcat refuses when first read. The container would count it
     * as a 500; it is the client's error.
     */
    private static ApiException refusalIn(Object thrown) {
        for (Throwable cause = thrown instanceof Throwable t ? t : null; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return refusal;
            }
            if (cause instanceof RequestRejectedException || cause instanceof InvalidParameterException) {
                return new ApiException(ProblemType.MALFORMED_REQUEST, RequestFirewallFilter.UNREADABLE_PARAMETER);
            }
        }
        return null;
    }
}
