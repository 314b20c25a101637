package io.orderhub.httpapi.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the API answers as a problem response. Thrown by the web layer, or by a service's exception
 * handler translating a domain exception.
 */
public class ApiException extends RuntimeException {

    private final ProblemType problemType;
    private final List<FieldError> errors;
    private final Map<String, Object> properties;

    public ApiException(ProblemType problemType, String detail) {
        this(problemType, detail, List.of(), Map.of());
    }

    public ApiException(ProblemType problemType, String detail, List<FieldError> errors) {
        this(problemType, detail, errors, Map.of());
    }

    public ApiException(
            ProblemType problemType, String detail, List<FieldError> errors, Map<String, Object> properties) {
        super(detail);
        this.problemType = problemType;
        this.errors = List.copyOf(errors);
        this.properties = new LinkedHashMap<>(properties);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(
                ProblemType.VALIDATION_FAILED, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(ProblemType.VALIDATION_FAILED, detail, errors);
    }

    public ProblemType problemType() {
        return problemType;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra members of the problem body (e.g. {@code existing_order_id}). */
    public Map<String, Object> properties() {
        return properties;
    }
}
