package io.orderhub.httpapi.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** Writes a problem response from a servlet filter, where no controller advice runs. */
public final class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        write(request, response, type, detail, Map.of());
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType type,
            String detail,
            Map<String, Object> properties)
            throws IOException {
        response.resetBuffer();
        response.setStatus(type.status());
        response.setContentType(Problem.MEDIA_TYPE);
        byte[] body =
                json.writeValueAsBytes(Problem.body(type, detail, request.getRequestURI(), List.of(), properties));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
