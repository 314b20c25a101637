package io.orderhub.httpapi.problem;

import java.util.List;
import tools.jackson.databind.DatabindException;

/** Field names as the client wrote them: snake_case JSON paths like {@code items[0].unit_price}. */
final class JsonPaths {

    private JsonPaths() {}

    static String of(List<DatabindException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (DatabindException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** Java property paths from bean validation ({@code items[0].unitPrice}) in the API's snake_case. */
    static String snakeCase(String javaPath) {
        return javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
