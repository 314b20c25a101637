package io.orderhub.httpapi.problem;

import io.orderhub.httpapi.request.RequestFirewallFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception that reaches the web layer into a problem response. A service's own advice
 * (for its domain exceptions) runs first; this one is the last resort, so nothing reaches a client as a
 * stack trace or a 500 for bad input. No database connection in time answers 503 with
 * {@code Retry-After}. Only a genuine bug answers 500, without details, and is logged with the request id.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e, HttpServletRequest request) {
        return Problem.response(e, request);
    }

    /** A query parameter the request firewall or Tomcat refuses when a handler's arguments read it. */
    @ExceptionHandler({RequestRejectedException.class, InvalidParameterException.class})
    ResponseEntity<Map<String, Object>> parameterRefused(RuntimeException e, HttpServletRequest request) {
        return respond(
                ProblemType.MALFORMED_REQUEST,
                RequestFirewallFilter.UNREADABLE_PARAMETER,
                request,
                List.of(),
                Map.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
            return api(tooLarge, request);
        }
        if (e.getCause() instanceof DatabindException binding
                && !binding.getPath().isEmpty()) {
            String field = JsonPaths.of(binding.getPath());
            return respond(
                    ProblemType.MALFORMED_REQUEST,
                    field + ": wrong JSON type or value",
                    request,
                    List.of(new FieldError(field, "wrong JSON type or value")),
                    Map.of());
        }
        String detail = e.getCause() instanceof JacksonException
                ? "The body is not valid JSON"
                : "The body is missing or unreadable";
        return respond(ProblemType.MALFORMED_REQUEST, detail, request, List.of(), Map.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error ->
                        errors.add(new FieldError(JsonPaths.snakeCase(error.getField()), error.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return api(ApiException.validation(errors), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameters(
            HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldError(
                                JsonPaths.snakeCase(String.valueOf(
                                        result.getMethodParameter().getParameterName())),
                                error.getDefaultMessage()))));
        return api(ApiException.validation(errors), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> violated(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(JsonPaths.snakeCase(String.valueOf(v.getPropertyPath())), v.getMessage()))
                .toList();
        return api(ApiException.validation(errors), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        // A path variable that cannot be an id names nothing that exists; a bad query parameter is bad input.
        boolean pathVariable =
                e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (pathVariable) {
            return respond(ProblemType.NOT_FOUND, "No such " + e.getName(), request, List.of(), Map.of());
        }
        String field = JsonPaths.snakeCase(e.getName());
        return respond(
                ProblemType.MALFORMED_REQUEST,
                field + ": not a valid value",
                request,
                List.of(new FieldError(field, "not a valid value")),
                Map.of());
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<Map<String, Object>> binding(ServletRequestBindingException e, HttpServletRequest request) {
        return respond(ProblemType.MALFORMED_REQUEST, e.getBody().getDetail(), request, List.of(), Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> response = respond(
                ProblemType.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here", request, List.of(), Map.of());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/json", request, List.of(), Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(ProblemType.NOT_ACCEPTABLE, "This API answers application/json", request, List.of(), Map.of());
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> noResource(Exception e, HttpServletRequest request) {
        return respond(ProblemType.NOT_FOUND, "No such resource", request, List.of(), Map.of());
    }

    /** Spring's own status exceptions (ResponseStatusException and friends). */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<Map<String, Object>> errorResponse(ErrorResponseException error, HttpServletRequest request) {
        int status = error.getStatusCode().value();
        if (status >= 500) {
            return unexpected(error, request);
        }
        String detail = error.getBody().getDetail() == null
                ? "The request cannot be served"
                : error.getBody().getDetail();
        return respond(ProblemTypes.forStatus(status), detail, request, List.of(), Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn(
                    "No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return DatabaseUnavailable.response(request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(
                ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred. Quote the X-Request-Id of this response when you report it.",
                request,
                List.of(),
                Map.of());
    }

    private static ResponseEntity<Map<String, Object>> respond(
            ProblemType type,
            String detail,
            HttpServletRequest request,
            List<FieldError> errors,
            Map<String, Object> properties) {
        return Problem.response(type, detail, request.getRequestURI(), errors, properties);
    }
}
