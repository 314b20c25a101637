package io.orderhub.orders.order.web;

import io.orderhub.orders.order.PlaceOrder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Walking skeleton of {@code POST /api/v1/orders}. */
@RestController
class OrderController {

    private final PlaceOrder placeOrder;

    OrderController(PlaceOrder placeOrder) {
        this.placeOrder = placeOrder;
    }

    record CreateOrderRequest(String source, String sourceOrderId, String currency, BigDecimal grandTotal) {}

    @PostMapping("/api/v1/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody CreateOrderRequest request) {
        UUID id = placeOrder.place(new PlaceOrder.Command(
                request.source(), request.sourceOrderId(), request.currency(), request.grandTotal()));
        return Map.of("success", true, "data", Map.of("id", id));
    }
}
