package io.orderhub.testsupport;

/** What the shop's WooCommerce plugin sends, for every test and benchmark that plays the plugin. */
public final class WooCommercePlugin {

    private WooCommercePlugin() {}

    /**
     * The plugin's create body (ARCHITECTURE.md, Orders): snake_case, decimal amounts, items with only their
     * line total {@code price}, an initial status, billing details in metadata; grand total 47.49 EUR.
     */
    public static String orderPayload(String sourceOrderId) {
        return orderPayload(sourceOrderId, "77", "anna@example.org");
    }

    /** The same body for another of the shop's customers: its id and e-mail (in the customer and billing). */
    public static String orderPayload(String sourceOrderId, String customerId, String email) {
        return """
                {
                  "source": "woocommerce",
                  "source_order_id": "%1$s",
                  "customer_id": "%2$s",
                  "customer": {"email": "%3$s", "name": "Anna Muster", "phone": "+49 30 1234567"},
                  "currency": "EUR",
                  "status": "pending",
                  "subtotal": 39.80, "tax_total": 2.79, "shipping_total": 4.90, "discount_total": 0,
                  "grand_total": 47.49,
                  "items": [{"product_id": "501", "sku": "MOJO-BOOK-01", "name": "Buch", "quantity": 2,
                             "price": 39.80, "subtotal": 39.80, "tax": 2.79, "tax_rate": 0.07,
                             "metadata": {"woocommerce_item_id": "9"}}],
                  "metadata": {"billing_email": "%3$s", "billing_address": {"city": "Berlin"}}
                }
                """.formatted(sourceOrderId, customerId, email);
    }
}
