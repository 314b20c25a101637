package io.orderhub.callbacks.delivery.web;

/** Examples of the API description: deliveries as the callbacks API lists and replays them. */
final class DeliveryExamples {

    /** A delivery the plugin refused once and took on the second attempt. */
    static final String LIST_RESPONSE = """
            {
              "success": true,
              "data": [{
                "id": "0196a5c6-3e4f-7a5b-9c6d-7e8f9a0b1c2d",
                "event_id": "0196a5c6-3a1b-7c2d-8e3f-4a5b6c7d8e9f",
                "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                "order_version": 2,
                "kind": "order",
                "invoice_id": null,
                "channel": "woocommerce",
                "type": "order.payment_updated",
                "status": "delivered",
                "attempt_count": 2,
                "next_attempt_at": null,
                "last_response_code": 200,
                "last_response_excerpt": "{\\"success\\":true}",
                "last_latency_ms": 184,
                "last_error": null,
                "replay_of": null,
                "created_at": "2026-03-02T10:17:05.201334Z",
                "updated_at": "2026-03-02T10:17:11.593117Z",
                "delivered_at": "2026-03-02T10:17:11.593117Z",
                "payload": {
                  "event_id": "0196a5c6-3a1b-7c2d-8e3f-4a5b6c7d8e9f",
                  "type": "order.payment_updated",
                  "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                  "source": "woocommerce",
                  "source_order_id": "10023",
                  "status": "paid",
                  "version": 2,
                  "paid_amount": 47.49,
                  "refunded_amount": 0.00,
                  "payment": {
                    "payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                    "provider": "stripe",
                    "status": "succeeded",
                    "amount": 47.49,
                    "refunded_amount": 0.00,
                    "version": 3
                  },
                  "timestamp": "2026-03-02T10:17:05.118406Z"
                },
                "attempts": [
                  {
                    "attempt": 1,
                    "started_at": "2026-03-02T10:17:05.240118Z",
                    "url": "https://shop.example.org/wp-json/order-hub/v1/callback",
                    "outcome": "failed",
                    "response_code": 503,
                    "response_excerpt": "Service Unavailable",
                    "latency_ms": 92,
                    "error": "HTTP 503"
                  },
                  {
                    "attempt": 2,
                    "started_at": "2026-03-02T10:17:11.408721Z",
                    "url": "https://shop.example.org/wp-json/order-hub/v1/callback",
                    "outcome": "delivered",
                    "response_code": 200,
                    "response_excerpt": "{\\"success\\":true}",
                    "latency_ms": 184,
                    "error": null
                  }
                ]
              }],
              "next_cursor": null
            }
            """;

    /** A new delivery of the order's latest state, pointing at the one it replays. */
    static final String REPLAY_RESPONSE = """
            {
              "success": true,
              "data": {
                "id": "0196a5e1-5f6a-7b7c-8d9e-0f1a2b3c4d5e",
                "event_id": "0196a5c6-3a1b-7c2d-8e3f-4a5b6c7d8e9f",
                "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                "order_version": 2,
                "kind": "order",
                "invoice_id": null,
                "channel": "woocommerce",
                "type": "order.payment_updated",
                "status": "pending",
                "attempt_count": 0,
                "next_attempt_at": "2026-03-04T09:00:00.000000Z",
                "last_response_code": null,
                "last_response_excerpt": null,
                "last_latency_ms": null,
                "last_error": null,
                "replay_of": "0196a5c6-3e4f-7a5b-9c6d-7e8f9a0b1c2d",
                "created_at": "2026-03-04T09:00:00.000000Z",
                "updated_at": "2026-03-04T09:00:00.000000Z",
                "delivered_at": null,
                "payload": {
                  "event_id": "0196a5c6-3a1b-7c2d-8e3f-4a5b6c7d8e9f",
                  "type": "order.payment_updated",
                  "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                  "source": "woocommerce",
                  "source_order_id": "10023",
                  "status": "paid",
                  "version": 2,
                  "paid_amount": 47.49,
                  "refunded_amount": 0.00,
                  "payment": {
                    "payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                    "provider": "stripe",
                    "status": "succeeded",
                    "amount": 47.49,
                    "refunded_amount": 0.00,
                    "version": 3
                  },
                  "timestamp": "2026-03-02T10:17:05.118406Z"
                },
                "attempts": []
              }
            }
            """;

    private DeliveryExamples() {}
}
