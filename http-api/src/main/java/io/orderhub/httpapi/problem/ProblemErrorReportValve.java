package io.orderhub.httpapi.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers — a request it refuses before any filter or servlet sees it, such as an
 * encoded {@code /} or {@code \} or an undecodable path — as problem documents instead of its HTML page
 * with the server's name. Errors the application raises reach {@link ProblemErrorController} first and
 * arrive here already written, so this only speaks for the container. The request URI is left out: it
 * is exactly what could not be read.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = new JsonMapper();

    /**
     * Puts this valve in place of the host's {@link ErrorReportValve}. The host adds its valve when it
     * starts, just before it starts this context, and Spring Boot offers no hook on the host itself; so the
     * swap happens as the context starts, while the host's pipeline is not yet running.
     */
    public static void replaceHostValveOf(Context context) {
        context.addLifecycleListener(event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                return;
            }
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
            if (Arrays.stream(pipeline.getValves()).noneMatch(ProblemErrorReportValve.class::isInstance)) {
                pipeline.addValve(new ProblemErrorReportValve());
            }
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = ProblemTypes.forStatus(status);
        String detail = status >= 500 ? "An unexpected error occurred" : type.title();
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            JSON.writeValue(out, Problem.body(type, detail, null, List.of(), Map.of()));
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            // The connection is gone or the response committed: there is no one left to answer.
            getContainer().getLogger().debug("Could not write a problem for status " + status, e);
        }
    }
}
