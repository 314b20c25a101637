package io.orderhub.httpapi.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The body of every error answer: RFC 9457 members ({@code type, title, status, detail, instance}),
 * {@code errors} for field validation, extension members, and for clients of the old hub
 * {@code success: false} and {@code error: {code, message}}.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {}

    /**
     * The answer to an {@link ApiException}, for a service's own exception handler: an exception thrown by a
     * handler is not handled again, so handlers answer in this shape directly.
     */
    public static ResponseEntity<Map<String, Object>> response(ApiException e, HttpServletRequest request) {
        return response(e.problemType(), e.getMessage(), request.getRequestURI(), e.errors(), e.properties());
    }

    public static ResponseEntity<Map<String, Object>> response(
            ProblemType type, String detail, HttpServletRequest request) {
        return response(type, detail, request.getRequestURI(), List.of(), Map.of());
    }

    /** A problem response; {@code instance} may be null to leave the member out. */
    public static ResponseEntity<Map<String, Object>> response(
            ProblemType type, String detail, String instance, List<FieldError> errors, Map<String, Object> properties) {
        return ResponseEntity.status(type.status())
                .contentType(MediaType.parseMediaType(MEDIA_TYPE))
                .body(body(type, detail, instance, errors, properties));
    }

    public static Map<String, Object> body(
            ProblemType type, String detail, String instance, List<FieldError> errors, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type().toString());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            body.put(
                    "errors",
                    errors.stream()
                            .map(error -> Map.of("field", error.field(), "message", error.message()))
                            .toList());
        }
        properties.forEach(body::putIfAbsent);
        body.put("success", false);
        body.put("error", Map.of("code", type.code(), "message", detail));
        return body;
    }
}
