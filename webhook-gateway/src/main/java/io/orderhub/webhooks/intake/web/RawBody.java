package io.orderhub.webhooks.intake.web;

import io.orderhub.events.Provider;
import io.orderhub.webhooks.intake.Rejection;
import io.orderhub.webhooks.intake.WebhookRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;

/**
 * Reads a webhook's body as the exact bytes that arrived — signatures are computed over them, so nothing
 * may parse or re-serialise them first — and never more than the limit: a declared length above it is
 * refused before reading, and a body without one (chunked) is cut off one byte past it. Spring's
 * {@code @RequestBody byte[]} would buffer any size.
 */
public final class RawBody {

    private RawBody() {}

    public static byte[] read(HttpServletRequest request, DataSize limit, Provider provider) {
        long max = limit.toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(provider, limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(Math.toIntExact(max + 1));
            if (body.length > max) {
                throw tooLarge(provider, limit);
            }
            return body;
        } catch (IOException e) {
            // The sender went away mid-body (Tomcat's ClientAbortException); nothing was verified.
            throw new WebhookRejected(provider, Rejection.BODY_UNREADABLE, "The body could not be read completely.");
        }
    }

    private static WebhookRejected tooLarge(Provider provider, DataSize limit) {
        return new WebhookRejected(
                provider, Rejection.PAYLOAD_TOO_LARGE, "The body is larger than " + limit.toBytes() + " bytes.");
    }
}
