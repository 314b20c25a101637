package io.orderhub.orders.order.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.orders.customer.CustomerDetails;
import io.orderhub.orders.order.ImportOrder;
import io.orderhub.orders.order.PlaceOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The body of {@code PUT /api/v1/import/orders/{id}}: one order of the old hub as bin/orderhub-import repaired it. */
record ImportOrderRequest(
        String source,
        String sourceOrderId,
        String customerId,
        CustomerRequest customer,
        String currency,
        String status,
        BigDecimal subtotal,
        BigDecimal taxTotal,
        BigDecimal shippingTotal,
        BigDecimal discountTotal,
        BigDecimal grandTotal,
        BigDecimal paidAmount,
        BigDecimal refundedAmount,
        List<CreateOrderRequest.ItemRequest> items,
        List<HistoryRequest> history,
        JsonNode metadata,
        Instant createdAt,
        String reviewReason) {

    /** {@code id} is the old hub's customer id, kept as the hub's customer reference. */
    record CustomerRequest(UUID id, String email, String name, String phone) {}

    record HistoryRequest(String oldStatus, String newStatus, String reason, String changedBy, Instant changedAt) {}

    ImportOrder.Command toCommand(UUID id) {
        List<FieldError> errors = new ArrayList<>();
        String orderMetadata = text(CreateOrderRequest.object("metadata", metadata, errors));
        List<PlaceOrder.Item> commandItems = null;
        if (items != null) {
            commandItems = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                CreateOrderRequest.ItemRequest item = items.get(i);
                commandItems.add(
                        item == null
                                ? null
                                : new PlaceOrder.Item(
                                        item.productId(),
                                        item.sku(),
                                        item.name(),
                                        item.quantity(),
                                        item.unitPrice(),
                                        item.price(),
                                        item.subtotal(),
                                        item.tax(),
                                        item.taxRate(),
                                        text(CreateOrderRequest.object(
                                                "items[" + i + "].metadata", item.metadata(), errors))));
            }
        }
        List<ImportOrder.History> rows = history == null
                ? null
                : history.stream()
                        .map(h -> h == null
                                ? null
                                : new ImportOrder.History(
                                        h.oldStatus(), h.newStatus(), h.reason(), h.changedBy(), h.changedAt()))
                        .toList();
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new ImportOrder.Command(
                id,
                source,
                sourceOrderId,
                customerId,
                customer == null ? null : customer.id(),
                customer == null ? null : new CustomerDetails(customer.email(), customer.name(), customer.phone()),
                currency,
                status,
                subtotal,
                taxTotal,
                shippingTotal,
                discountTotal,
                grandTotal,
                paidAmount,
                refundedAmount,
                commandItems,
                rows,
                orderMetadata,
                createdAt,
                reviewReason);
    }

    private static String text(JsonNode object) {
        return object == null ? null : object.toString();
    }
}
