package io.orderhub.orders.order.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.orders.customer.CustomerDetails;
import io.orderhub.orders.order.PlaceOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The create body as the WooCommerce plugin, POS and B2B send it (ARCHITECTURE.md, Orders). Amounts are
 * read as exact decimals; unknown fields are ignored, as the old hub did. {@code contract_id} with
 * {@code payment_method: "invoice"} places a B2B order on account (docs/b2b.md); both are optional.
 */
record CreateOrderRequest(
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
        List<ItemRequest> items,
        JsonNode metadata,
        String contractId,
        String paymentMethod) {

    record CustomerRequest(String email, String name, String phone) {}

    record ItemRequest(
            String productId,
            String sku,
            String name,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal price,
            BigDecimal subtotal,
            BigDecimal tax,
            BigDecimal taxRate,
            JsonNode metadata) {}

    /**
     * The command, with the JSON structure checked first: {@code metadata} objects, and the billing
     * details the customer falls back to ({@code metadata.billing_email}, {@code metadata.billing_address}
     * with WooCommerce's {@code first_name}, {@code last_name}, {@code phone}, {@code email}).
     */
    PlaceOrder.Command toCommand() {
        List<FieldError> errors = new ArrayList<>();
        JsonNode orderMetadata = object("metadata", metadata, errors);
        List<PlaceOrder.Item> commandItems = null;
        if (items != null) {
            commandItems = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                ItemRequest item = items.get(i);
                if (item == null) {
                    commandItems.add(null);
                    continue;
                }
                JsonNode itemMetadata = object("items[" + i + "].metadata", item.metadata(), errors);
                commandItems.add(new PlaceOrder.Item(
                        item.productId(),
                        item.sku(),
                        item.name(),
                        item.quantity(),
                        item.unitPrice(),
                        item.price(),
                        item.subtotal(),
                        item.tax(),
                        item.taxRate(),
                        itemMetadata == null ? null : itemMetadata.toString()));
            }
        }
        CustomerDetails billing = billing(orderMetadata, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new PlaceOrder.Command(
                source,
                sourceOrderId,
                customerId,
                customer == null ? null : new CustomerDetails(customer.email(), customer.name(), customer.phone()),
                billing,
                currency,
                status,
                subtotal,
                taxTotal,
                shippingTotal,
                discountTotal,
                grandTotal,
                commandItems,
                orderMetadata == null ? null : orderMetadata.toString(),
                contractId,
                paymentMethod);
    }

    private static CustomerDetails billing(JsonNode metadata, List<FieldError> errors) {
        if (metadata == null) {
            return null;
        }
        String email = text("metadata.billing_email", metadata.get("billing_email"), errors);
        JsonNode address = object("metadata.billing_address", metadata.get("billing_address"), errors);
        if (address == null) {
            return new CustomerDetails(email, null, null);
        }
        String first = text("metadata.billing_address.first_name", address.get("first_name"), errors);
        String last = text("metadata.billing_address.last_name", address.get("last_name"), errors);
        String name = text("metadata.billing_address.name", address.get("name"), errors);
        if (name == null && (first != null || last != null)) {
            name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        String phone = text("metadata.billing_address.phone", address.get("phone"), errors);
        String addressEmail = text("metadata.billing_address.email", address.get("email"), errors);
        return new CustomerDetails(email != null ? email : addressEmail, name, phone);
    }

    /** An optional JSON object: null when absent or JSON null, a violation when it is anything else. */
    static JsonNode object(String field, JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(field, "must be an object"));
            return null;
        }
        return node;
    }

    private static String text(String field, JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.asString();
    }
}
