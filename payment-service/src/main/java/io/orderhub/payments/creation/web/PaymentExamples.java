package io.orderhub.payments.creation.web;

/** Examples of the API description, as ARCHITECTURE.md (Payments) describes the bodies. */
final class PaymentExamples {

    /** A payment the hub asks Stripe for: the answer carries the PaymentIntent's client secret. */
    static final String STRIPE_REQUEST = """
            {
              "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
              "provider": "stripe",
              "amount": 47.49,
              "currency": "EUR",
              "return_url": "https://shop.example.org/checkout/order-received/10023",
              "metadata": {"woocommerce_order_id": "10023"}
            }
            """;

    static final String STRIPE_RESPONSE = """
            {
              "success": true,
              "data": {
                "id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                "provider": "stripe",
                "method": null,
                "status": "pending",
                "version": 2,
                "amount": 47.49,
                "currency": "EUR",
                "refunded_amount": 0.00,
                "refundable_amount": 0.00,
                "provider_reference": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o",
                "source_payment_id": null,
                "recorded": false,
                "next_action": {
                  "type": "stripe_client_secret",
                  "client_secret": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o_secret_Yb2kZr0T1cVq8sLx4nWm"
                },
                "refunds": [],
                "dispute": null,
                "needs_attention": false,
                "attention_reason": null,
                "metadata": {"woocommerce_order_id": "10023"},
                "created_at": "2026-03-02T10:16:02.481207Z",
                "updated_at": "2026-03-02T10:16:03.017554Z"
              }
            }
            """;

    /**
     * What the WooCommerce plugin sends after its own gateway took the money: recorded as given, no provider
     * call; sent again with another status, it updates the same payment.
     */
    static final String RECORDED_REQUEST = """
            {
              "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
              "provider": "paypal",
              "amount": 47.49,
              "currency": "EUR",
              "source_payment_id": "wc_10023_1",
              "provider_reference": "5TY05013RG002845M",
              "status": "succeeded"
            }
            """;

    static final String RECORDED_RESPONSE = """
            {
              "success": true,
              "data": {
                "id": "0196a5c4-9b3c-7a4d-8e5f-1b2c3d4e5f60",
                "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                "provider": "paypal",
                "method": null,
                "status": "succeeded",
                "version": 1,
                "amount": 47.49,
                "currency": "EUR",
                "refunded_amount": 0.00,
                "refundable_amount": 47.49,
                "provider_reference": "5TY05013RG002845M",
                "source_payment_id": "wc_10023_1",
                "recorded": true,
                "next_action": null,
                "refunds": [],
                "dispute": null,
                "needs_attention": false,
                "attention_reason": null,
                "metadata": null,
                "created_at": "2026-03-02T10:16:02.481207Z",
                "updated_at": "2026-03-02T10:16:02.481207Z"
              }
            }
            """;

    private PaymentExamples() {}
}
