package io.orderhub.webhooks.intake.web;

import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.webhooks.intake.BrokerUnavailable;
import io.orderhub.webhooks.intake.IntakeProperties;
import io.orderhub.webhooks.intake.Rejection;
import io.orderhub.webhooks.intake.WebhookMetrics;
import io.orderhub.webhooks.intake.WebhookRejected;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every problem response of the webhook endpoints, built by the shared problem kit of {@code http-api}: RFC 9457 {@code application/problem+json} with {@code type}, {@code
 * title}, {@code status}, {@code detail}, plus {@code "success": false, "error": {"code", "message"}} for
 * old clients. Details never carry a secret, a signature or the body.
 */
@RestControllerAdvice(basePackages = "io.orderhub.webhooks")
class WebhookProblems {

    private static final Logger log = LoggerFactory.getLogger(WebhookProblems.class);

    private final WebhookMetrics metrics;
    private final IntakeProperties properties;

    WebhookProblems(WebhookMetrics metrics, IntakeProperties properties) {
        this.metrics = metrics;
        this.properties = properties;
    }

    @ExceptionHandler(WebhookRejected.class)
    ResponseEntity<Map<String, Object>> rejected(WebhookRejected rejection) {
        metrics.rejected(rejection.provider(), rejection.reason());
        Rejection reason = rejection.reason();
        switch (reason) {
            // A signed body the gateway cannot read is a provider change or a gateway bug: alert-worthy.
            case UNPARSEABLE_PAYLOAD ->
                log.warn("Refused a signed {} webhook: {}", rejection.provider(), rejection.getMessage());
            // Logged once at start-up.
            case PROVIDER_NOT_CONFIGURED ->
                log.debug("Refused a {} webhook: no secret configured", rejection.provider());
            default -> log.info("Refused a {} webhook: {}", rejection.provider(), reason.tag());
        }
        return switch (reason) {
            case SIGNATURE_MISSING ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "signature-missing",
                        "Missing webhook signature",
                        rejection.getMessage());
            case SIGNATURE_INVALID ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "signature-invalid",
                        "Invalid webhook signature",
                        rejection.getMessage());
            case TIMESTAMP_STALE ->
                problem(HttpStatus.BAD_REQUEST, "timestamp-stale", "Stale webhook timestamp", rejection.getMessage());
            case UNPARSEABLE_PAYLOAD ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "unparseable-payload",
                        "Unparseable webhook payload",
                        rejection.getMessage());
            case BODY_UNREADABLE ->
                problem(HttpStatus.BAD_REQUEST, "body-unreadable", "Unreadable request body", rejection.getMessage());
            case PAYLOAD_TOO_LARGE ->
                problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", rejection.getMessage());
            case PROVIDER_NOT_CONFIGURED ->
                retryLater(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "provider-not-configured",
                        "Webhook provider not configured",
                        rejection.getMessage()));
        };
    }

    @ExceptionHandler(BrokerUnavailable.class)
    ResponseEntity<Map<String, Object>> brokerUnavailable(BrokerUnavailable failure) {
        return retryLater(problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "broker-unavailable",
                "Event store unavailable",
                "The event could not be stored; nothing was published. Retry the delivery."));
    }

    private ResponseEntity<Map<String, Object>> retryLater(ResponseEntity<Map<String, Object>> problem) {
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(properties.retryAfter().toSeconds()))
                .body(problem.getBody());
    }

    private static ResponseEntity<Map<String, Object>> problem(
            HttpStatus status, String kind, String title, String detail) {
        // No instance member: a provider needs none. The content type is set, not negotiated: a provider's
        // Accept header must not turn a 4xx/5xx into a 406.
        return Problem.response(new ProblemType(kind, status.value(), title), detail, null, List.of(), Map.of());
    }
}
