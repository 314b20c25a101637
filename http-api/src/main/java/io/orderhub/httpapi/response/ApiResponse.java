package io.orderhub.httpapi.response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The success envelope: {@code {"success": true, "data": ...}}; lists add {@code next_cursor} (null on
 * the last page). The old hub's clients read {@code data.id} from it.
 */
public final class ApiResponse {

    private ApiResponse() {}

    public static Map<String, Object> of(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        return body;
    }

    public static Map<String, Object> page(List<?> data, String nextCursor) {
        Map<String, Object> body = of(data);
        body.put("next_cursor", nextCursor);
        return body;
    }
}
