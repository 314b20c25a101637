package io.orderhub.webhooks.intake.web;

import io.orderhub.webhooks.intake.WebhookOutcome;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The 200 answer to a verified webhook, in the API's success envelope: {@code {"success": true, "data":
 * {"status": "published" | "ignored", "provider_event_id", "event_id"}}}.
 */
public record Acknowledgement(boolean success, Data data) {

    /** The answer as the API description shows it. */
    public static final String EXAMPLE = """
            {
              "success": true,
              "data": {
                "status": "published",
                "provider_event_id": "evt_3QbX2aLkdIwHu7ix0qRsTuVw",
                "event_id": "0196a5c5-0d1e-7f2a-8b3c-4d5e6f7a8b9c"
              }
            }
            """;

    public record Data(String status, String providerEventId, UUID eventId) {}

    /**
     * The content type is set rather than negotiated: once the event is on Kafka, an odd {@code Accept}
     * header must not turn the answer into a 406 that makes the provider send it again.
     */
    public static ResponseEntity<Acknowledgement> ok(WebhookOutcome outcome) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Acknowledgement(
                        true,
                        new Data(
                                outcome.status().name().toLowerCase(Locale.ROOT),
                                outcome.providerEventId(),
                                outcome.eventId())));
    }
}
