package io.orderhub.webhooks.intake.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The answers every provider's webhook endpoint gives, for the OpenAPI description (springdoc merges them). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "200",
        description =
                "Published and acknowledged by Kafka (`published`), also for a duplicate; or an event type the hub "
                        + "does not use (`ignored`, not published).",
        content =
                @Content(
                        mediaType = "application/json",
                        examples = @ExampleObject(name = "published", value = Acknowledgement.EXAMPLE)))
@ApiResponse(
        responseCode = "400",
        description = "A missing or bad signature, a stale timestamp, or a body that is not the provider's JSON.")
@ApiResponse(responseCode = "413", description = "A body over 1 MiB.")
@ApiResponse(
        responseCode = "503",
        description = "Kafka did not take the event, or the provider's secret is not set: nothing was published; "
                + "the provider retries.",
        headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = "integer")))
public @interface WebhookAnswers {}
