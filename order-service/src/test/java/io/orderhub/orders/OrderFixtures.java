package io.orderhub.orders;

import io.orderhub.testsupport.WooCommercePlugin;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Order bodies as channels send them. */
public final class OrderFixtures {

    private OrderFixtures() {}

    /**
     * What the shop's WooCommerce plugin sends (ARCHITECTURE.md, Orders): snake_case, decimal amounts,
     * items with only their line total {@code price}, an initial status, billing details in metadata.
     */
    public static String pluginPayload(String sourceOrderId) {
        return WooCommercePlugin.orderPayload(sourceOrderId);
    }

    /** The create body exactly as ARCHITECTURE.md prints it (with {@code unit_price}). */
    public static String contractExample(String sourceOrderId) {
        return """
                {
                  "source": "woocommerce",
                  "source_order_id": "%s",
                  "customer_id": "77",
                  "customer": {"email": "anna@example.org", "name": "Anna Muster", "phone": "+49 30 1234567"},
                  "currency": "EUR",
                  "status": "pending",
                  "subtotal": 39.80, "tax_total": 2.79, "shipping_total": 4.90, "discount_total": 0,
                  "grand_total": 47.49,
                  "items": [{"product_id": "501", "sku": "MOJO-BOOK-01", "name": "Buch", "quantity": 2,
                             "unit_price": 19.90, "price": 39.80, "subtotal": 39.80, "tax": 2.79, "tax_rate": 0.07,
                             "metadata": {"woocommerce_item_id": "9"}}],
                  "metadata": {"billing_email": "anna@example.org", "billing_address": {"city": "Berlin"}}
                }
                """.formatted(sourceOrderId);
    }

    /** The plugin's order as a JSON tree to vary: {@code body.put("currency", "JPY")}. */
    public static ObjectNode pluginOrder() {
        return (ObjectNode) OrderApi.json().readTree(pluginPayload(uniqueId()));
    }

    /** A minimal order of a channel: one item, grand total computed (12.50 EUR). */
    public static ObjectNode minimalOrder(String source) {
        return (ObjectNode) OrderApi.json().readTree("""
                {"source": "%s", "source_order_id": "%s", "currency": "EUR",
                 "items": [{"name": "Kaffee", "quantity": 1, "price": 12.50}]}
                """.formatted(source, uniqueId()));
    }

    public static String uniqueId() {
        return UUID.randomUUID().toString();
    }
}
