package io.orderhub.orders.settings.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RateLimit;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.ratelimit.RateLimiter;
import io.orderhub.httpapi.response.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/settings}: the WooCommerce plugin's "Test Connection" calls it with its key and
 * needs a 200. It describes the calling key, never its secret or hash. Whether the channel's callbacks
 * are configured is callback-dispatcher's to say (its {@code /api/v1/callbacks/endpoints}); this
 * service does not know and does not guess.
 */
@RestController
class SettingsController {

    static final String API_VERSION = "v1";
    static final String CALLBACK_ENDPOINTS = "/api/v1/callbacks/endpoints";

    private final RateLimiter rateLimiter;

    SettingsController(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    /**
     * Any valid key, whatever its scopes: {@code /api/v1/**} authenticates every request before handler
     * mapping (401 without a valid key), and the {@link ApiKey} parameter refuses a request without one.
     */
    @Operation(summary = "What the calling API key's channel may do", description = """
                    Answers 200 for every valid key, whatever its scopes: the key's channel and name, its \
                    scopes, the rate limit it is counted against and the API version. Never a secret or a \
                    hash. Whether callbacks to the channel are configured is answered by \
                    `GET /api/v1/callbacks/endpoints` (scope `callbacks:read`), named in `callbacks.endpoints`.""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The key's settings.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "woocommerce", value = SettingsExamples.RESPONSE)))
    @PermitAll
    @GetMapping("/api/v1/settings")
    Map<String, Object> settings(ApiKey caller) {
        RateLimit limit = rateLimiter.limitOf(caller);
        Map<String, Object> rateLimit = new LinkedHashMap<>();
        rateLimit.put("requests", limit.requests());
        rateLimit.put("window_seconds", limit.window().toSeconds());
        rateLimit.put("own_limit", caller.rateLimit() != null);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("api_version", API_VERSION);
        settings.put("channel", caller.channel());
        settings.put("key_name", caller.name());
        settings.put("admin", caller.isAdmin());
        settings.put(
                "scopes", caller.scopes().stream().map(Scope::label).sorted().toList());
        settings.put("rate_limit", rateLimit);
        settings.put("callbacks", Map.of("endpoints", CALLBACK_ENDPOINTS));
        return ApiResponse.of(settings);
    }
}
