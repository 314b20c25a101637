package io.orderhub.httpapi.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
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
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        ProblemType type = ProblemTypes.forStatus(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status >= 500 ? "An unexpected error occurred" : type.title();
        return Problem.response(type, detail, uri == null ? null : uri.toString(), List.of(), Map.of());
    }
}
