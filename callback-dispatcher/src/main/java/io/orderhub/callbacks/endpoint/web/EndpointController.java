package io.orderhub.callbacks.endpoint.web;

import io.orderhub.callbacks.endpoint.EnableEndpoint;
import io.orderhub.callbacks.endpoint.Endpoint;
import io.orderhub.callbacks.endpoint.EndpointStates;
import io.orderhub.callbacks.endpoint.EndpointStatus;
import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.response.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints and their state, so a disabled one (a receiver answered 410) is visible, and can be enabled
 * again once the channel is back. A channel key sees only its own endpoint.
 */
@RestController
class EndpointController {

    private final EndpointStates states;
    private final EnableEndpoint enableEndpoint;
    private final IdempotentResponses responses;

    EndpointController(EndpointStates states, EnableEndpoint enableEndpoint, IdempotentResponses responses) {
        this.states = states;
        this.enableEndpoint = enableEndpoint;
        this.responses = responses;
    }

    record EndpointView(
            String name,
            String url,
            String format,
            String status,
            Instant disabledAt,
            String disabledUrl,
            String disabledReason) {

        static EndpointView of(EndpointStatus endpoint) {
            return new EndpointView(
                    endpoint.name().toLowerCase(Locale.ROOT),
                    endpoint.url(),
                    endpoint.format(),
                    endpoint.disabled() ? "disabled" : "active",
                    endpoint.disabledAt(),
                    endpoint.disabledUrl(),
                    endpoint.disabledReason());
        }
    }

    @RequiresScope(Scope.CALLBACKS_READ)
    @GetMapping("/api/v1/callbacks/endpoints")
    ResponseEntity<?> list(ApiKey caller) {
        List<EndpointView> visible = states.all().stream()
                .filter(endpoint -> mayManage(caller, endpoint.name()))
                .map(EndpointView::of)
                .toList();
        return ResponseEntity.ok(ApiResponse.page(visible, null));
    }

    @RequiresScope(Scope.CALLBACKS_WRITE)
    @PostMapping("/api/v1/callbacks/endpoints/{name}/enable")
    ResponseEntity<byte[]> enable(@PathVariable String name, ApiKey caller) {
        String endpointName = Endpoint.nameFor(name);
        if (!mayManage(caller, endpointName)) {
            throw ApiException.notFound("No callback endpoint " + name);
        }
        return responses.commit(() -> ResponseEntity.ok(ApiResponse.of(EndpointView.of(enableEndpoint
                .enable(endpointName, caller.name())
                .orElseThrow(() -> ApiException.notFound("No callback endpoint " + name))))));
    }

    private static boolean mayManage(ApiKey caller, String endpointName) {
        return caller.isAdmin() || Endpoint.nameFor(caller.channel()).equals(endpointName);
    }
}
