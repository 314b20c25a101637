package io.orderhub.orders.order.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.orders.order.PlaceOrder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Walking skeleton of {@code POST /api/v1/orders}. */
@RestController
class OrderController {

    private final PlaceOrder placeOrder;
    private final IdempotentResponses responses;

    OrderController(PlaceOrder placeOrder, IdempotentResponses responses) {
        this.placeOrder = placeOrder;
        this.responses = responses;
    }

    record CreateOrderRequest(String source, String sourceOrderId, String currency, BigDecimal grandTotal) {}

    @PostMapping("/api/v1/orders")
    ResponseEntity<byte[]> create(@RequestBody CreateOrderRequest request, ApiKey caller) {
        caller.requireOwnSource(request.source());
        return responses.commit(() -> {
            UUID id = placeOrder.place(new PlaceOrder.Command(
                    request.source(), request.sourceOrderId(), request.currency(), request.grandTotal()));
            return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.of(Map.of("id", id)));
        });
    }
}
