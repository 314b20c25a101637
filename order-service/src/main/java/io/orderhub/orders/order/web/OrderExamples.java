package io.orderhub.orders.order.web;

/** Examples of the API description, as ARCHITECTURE.md (Orders) shows the bodies. */
final class OrderExamples {

    /** What the shop's WooCommerce plugin sends, exactly as the contract prints it. */
    static final String CREATE_REQUEST = """
            {
              "source": "woocommerce",
              "source_order_id": "10023",
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
            """;

    /** The answer to {@link #CREATE_REQUEST}; the plugin reads {@code data.id}. */
    static final String CREATED_RESPONSE = """
            {
              "success": true,
              "data": {
                "id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                "source": "woocommerce",
                "source_order_id": "10023",
                "customer_id": "77",
                "status": "pending",
                "version": 1,
                "currency": "EUR",
                "subtotal": 39.80,
                "tax_total": 2.79,
                "shipping_total": 4.90,
                "discount_total": 0.00,
                "grand_total": 47.49,
                "paid_amount": 0.00,
                "refunded_amount": 0.00,
                "overpaid": false,
                "customer": {
                  "id": "0196a5c3-2f1d-7e5b-8a1c-3d4e5f6a7b8c",
                  "email": "anna@example.org",
                  "name": "Anna Muster",
                  "phone": "+49 30 1234567"
                },
                "items": [{
                  "id": "0196a5c3-2f1f-7c2d-b4e5-6f7a8b9c0d1e",
                  "product_id": "501",
                  "sku": "MOJO-BOOK-01",
                  "name": "Buch",
                  "quantity": 2,
                  "unit_price": 19.90,
                  "price": 39.80,
                  "subtotal": 39.80,
                  "tax": 2.79,
                  "tax_rate": 0.07,
                  "metadata": {"woocommerce_item_id": "9"}
                }],
                "payments": [],
                "metadata": {"billing_email": "anna@example.org", "billing_address": {"city": "Berlin"}},
                "created_at": "2026-03-02T10:15:30.123456Z",
                "updated_at": "2026-03-02T10:15:30.123456Z",
                "contract_id": null,
                "contract_version": null,
                "payment_method": null,
                "credited_amount": null
              }
            }
            """;

    /** A B2B order on account under a contract (docs/b2b.md): the credit limit is checked as it is placed. */
    static final String ON_ACCOUNT_REQUEST = """
            {
              "source": "b2b",
              "source_order_id": "PO-2026-0815",
              "currency": "EUR",
              "contract_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
              "payment_method": "invoice",
              "items": [{"sku": "HANDSCHUH-M-100", "name": "Untersuchungshandschuhe M, 100 St.", "quantity": 40,
                         "unit_price": 8.90, "price": 356.00, "tax": 67.64, "tax_rate": 0.19}]
            }
            """;

    static final String TRANSITION_REQUEST = """
            {"status": "shipped", "reason": "Handed to DHL, tracking 00340434161094042557"}
            """;

    /** The order after {@link #TRANSITION_REQUEST}, paid before by a Stripe payment. */
    static final String TRANSITIONED_RESPONSE = """
            {
              "success": true,
              "data": {
                "id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                "source": "woocommerce",
                "source_order_id": "10023",
                "customer_id": "77",
                "status": "shipped",
                "version": 4,
                "currency": "EUR",
                "subtotal": 39.80,
                "tax_total": 2.79,
                "shipping_total": 4.90,
                "discount_total": 0.00,
                "grand_total": 47.49,
                "paid_amount": 47.49,
                "refunded_amount": 0.00,
                "overpaid": false,
                "customer": {
                  "id": "0196a5c3-2f1d-7e5b-8a1c-3d4e5f6a7b8c",
                  "email": "anna@example.org",
                  "name": "Anna Muster",
                  "phone": "+49 30 1234567"
                },
                "items": [{
                  "id": "0196a5c3-2f1f-7c2d-b4e5-6f7a8b9c0d1e",
                  "product_id": "501",
                  "sku": "MOJO-BOOK-01",
                  "name": "Buch",
                  "quantity": 2,
                  "unit_price": 19.90,
                  "price": 39.80,
                  "subtotal": 39.80,
                  "tax": 2.79,
                  "tax_rate": 0.07,
                  "metadata": {"woocommerce_item_id": "9"}
                }],
                "payments": [{
                  "id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                  "provider": "stripe",
                  "status": "succeeded",
                  "amount": 47.49,
                  "refunded_amount": 0.00,
                  "currency": "EUR"
                }],
                "metadata": {"billing_email": "anna@example.org", "billing_address": {"city": "Berlin"}},
                "created_at": "2026-03-02T10:15:30.123456Z",
                "updated_at": "2026-03-03T08:02:11.904312Z"
              }
            }
            """;

    private OrderExamples() {}
}
