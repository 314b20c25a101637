package io.orderhub.httpapi.testapp;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.response.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints shaped like the services' ones, plus switches the tests turn to make them fail or stall. */
@RestController
public class WidgetController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WidgetController.class);

    /** Tests hold a request inside the handler with this, to see what a second request gets meanwhile. */
    public static volatile CountDownLatch gate = new CountDownLatch(0);
    /** While set, the provider-like endpoint fails with an unexpected error (a 500). */
    public static final AtomicBoolean failing = new AtomicBoolean();

    public static final AtomicInteger providerCalls = new AtomicInteger();
    /** Counted down once the report holds its database connection (it keeps it until {@link #gate} opens). */
    public static volatile CountDownLatch holding = new CountDownLatch(0);
    /** While set, placing an order also writes an audit note in a transaction of its own. */
    public static final AtomicBoolean audited = new AtomicBoolean();

    private final PlaceWidgetOrder placeWidgetOrder;
    private final IdempotentResponses responses;

    WidgetController(PlaceWidgetOrder placeWidgetOrder, IdempotentResponses responses) {
        this.placeWidgetOrder = placeWidgetOrder;
        this.responses = responses;
    }

    record WidgetOrderRequest(
            @NotBlank String source,
            @NotBlank String reference,
            @NotNull @DecimalMin("0") BigDecimal amount) {}

    @RequiresScope(Scope.ORDERS_WRITE)
    @PostMapping("/api/v1/orders")
    ResponseEntity<byte[]> place(@Valid @RequestBody WidgetOrderRequest request, ApiKey caller)
            throws InterruptedException {
        caller.requireOwnSource(request.source());
        log.info("Placing widget order {}", request.reference());
        gate.await(30, TimeUnit.SECONDS);
        return responses.commit(() -> {
            UUID id = placeWidgetOrder.place(request.source(), request.reference(), request.amount());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header("Location", "/api/v1/orders/" + id)
                    .body(ApiResponse.of(Map.of("id", id, "reference", request.reference())));
        });
    }

    @RequiresScope(Scope.ORDERS_READ)
    @GetMapping("/api/v1/orders/report")
    Map<String, Object> report() throws InterruptedException {
        return ApiResponse.of(Map.of("orders", placeWidgetOrder.countSlowly(holding, gate)));
    }

    @RequiresScope(Scope.ORDERS_READ)
    @GetMapping("/api/v1/orders/{id}")
    Map<String, Object> get(@PathVariable UUID id, ApiKey caller) {
        Map<String, Object> order = placeWidgetOrder.find(id);
        if (order == null || !caller.canSee((String) order.get("source"))) {
            throw ApiException.notFound("No order " + id);
        }
        return ApiResponse.of(order);
    }

    /** Like a payment creation: its steps commit on their own (a provider call sits between them). */
    @RequiresScope(Scope.PAYMENTS_WRITE)
    @PostMapping("/api/v1/payments")
    ResponseEntity<Map<String, Object>> pay(@Valid @RequestBody WidgetOrderRequest request, ApiKey caller) {
        providerCalls.incrementAndGet();
        if (failing.get()) {
            throw new IllegalStateException("the provider is down");
        }
        UUID id = placeWidgetOrder.place(request.source(), request.reference(), request.amount());
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.of(Map.of("id", id)));
    }

    /** An operation on the platform itself: the admin key only. */
    @RequiresAdmin
    @GetMapping("/api/v1/orders/{id}/admin-only")
    Map<String, Object> adminOnly(@PathVariable UUID id) {
        return ApiResponse.of(Map.of("id", id));
    }

    /** An operator's read of a channel resource: the resource's scope, and the admin key. */
    @RequiresScope(Scope.ORDERS_READ)
    @RequiresAdmin
    @GetMapping("/api/v1/orders/{id}/operator-read")
    Map<String, Object> operatorRead(@PathVariable UUID id) {
        return ApiResponse.of(Map.of("id", id));
    }

    /** Declares no authorization, as a handler someone forgot to annotate: refused to every key. */
    @GetMapping("/api/v1/orders/{id}/undeclared")
    Map<String, Object> undeclared(@PathVariable UUID id) {
        return ApiResponse.of(Map.of("id", id));
    }
}
