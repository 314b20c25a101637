package io.orderhub.orders.order.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.orders.order.ImportOrder;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/import/orders}: bin/orderhub-import brings the old hub's orders over (docs/switch-over.md). */
@RestController
class ImportController {

    private final ImportOrder importOrder;

    ImportController(ImportOrder importOrder) {
        this.importOrder = importOrder;
    }

    @Operation(summary = "Import one order of the old hub under its old id (admin key)", description = """
                    The order as bin/orderhub-import repaired it: its customer (`customer.id` is the old hub's \
                    customer id, kept as the hub's customer reference), amounts, items, and its status history \
                    de-duplicated and starting with the creation row (`old_status` null), ending in `status`; the \
                    rows become versions 1..n. `review_reason` marks an order whose amounts the old hub lost and \
                    nobody could recover. 201 when stored; the same id again changes nothing and answers 200 with \
                    the same body. Another order with the same `(source, source_order_id)` is 409 `order-exists`. \
                    Its one event is `CREATED` with `imported` true: read models learn it, no callback goes out.""")
    @RequiresAdmin
    @PutMapping("/api/v1/import/orders/{id}")
    ResponseEntity<Map<String, Object>> importOrder(
            @PathVariable UUID id, @RequestBody ImportOrderRequest request, ApiKey caller) {
        ImportOrder.Result result = importOrder.importOrder(request.toCommand(id), caller.name());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(OrderResponse.of(result.order())));
    }
}
