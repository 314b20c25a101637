package io.orderhub.payments.reconciliation.web;

/** Examples of the API description, as docs/payments.md describes reconciliation runs. */
final class ReconciliationExamples {

    static final String RUN_REQUEST = """
            {"provider": "stripe", "from": "2026-05-01T00:00:00Z", "to": "2026-05-02T00:00:00Z"}
            """;

    static final String RUN_STARTED = """
            {
              "success": true,
              "data": {
                "id": "0196a5d0-1c2b-7a3d-8e4f-5a6b7c8d9e0f",
                "provider": "stripe",
                "from": "2026-05-01T00:00:00Z",
                "to": "2026-05-02T00:00:00Z",
                "status": "running",
                "origin": "on_demand",
                "requested_by": "admin",
                "created_at": "2026-05-02T08:15:00.123456Z",
                "finished_at": null,
                "provider_payments": 0,
                "hub_payments": 0,
                "counts": {"missing_in_hub": 0, "missing_at_provider": 0, "status_differs": 0,
                           "amount_differs": 0, "currency_differs": 0, "refund_differs": 0},
                "unresolved": 0,
                "failure": null,
                "mismatches": []
              }
            }
            """;

    static final String RUN_COMPLETED = """
            {
              "success": true,
              "data": {
                "id": "0196a5d0-1c2b-7a3d-8e4f-5a6b7c8d9e0f",
                "provider": "stripe",
                "from": "2026-05-01T00:00:00Z",
                "to": "2026-05-02T00:00:00Z",
                "status": "completed",
                "origin": "on_demand",
                "requested_by": "admin",
                "created_at": "2026-05-02T08:15:00.123456Z",
                "finished_at": "2026-05-02T08:15:04.871200Z",
                "provider_payments": 412,
                "hub_payments": 411,
                "counts": {"missing_in_hub": 1, "missing_at_provider": 0, "status_differs": 1,
                           "amount_differs": 0, "currency_differs": 0, "refund_differs": 1},
                "unresolved": 2,
                "failure": null,
                "mismatches": [
                  {"kind": "missing_in_hub", "provider_reference": "pi_3QbX9kLkdIwHu7ix1aB2cD3e", "payment_id": null,
                   "hub": {"status": null, "amount": null, "currency": null, "refunded": null},
                   "provider": {"status": "succeeded", "amount": 25.00, "currency": "EUR", "refunded": 0.00},
                   "resolution": "reported", "detail": "made at the provider without the hub"},
                  {"kind": "status_differs", "provider_reference": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o",
                   "payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                   "hub": {"status": "pending", "amount": 44.70, "currency": "EUR", "refunded": 0.00},
                   "provider": {"status": "succeeded", "amount": 44.70, "currency": "EUR", "refunded": 0.00},
                   "resolution": "applied",
                   "detail": "succeeded at the provider while the hub waited: applied as its webhook would be (history reason reconciliation)"},
                  {"kind": "refund_differs", "provider_reference": "pi_3QbWz1LkdIwHu7ix1Qr7sT8u",
                   "payment_id": "0196a5b9-6c7d-7e8f-9a0b-1c2d3e4f5a6b",
                   "hub": {"status": "succeeded", "amount": 80.00, "currency": "EUR", "refunded": 0.00},
                   "provider": {"status": "succeeded", "amount": 80.00, "currency": "EUR", "refunded": 20.00},
                   "resolution": "reported", "detail": "refunded: 20.00 at the provider, 0.00 in the hub"}
                ]
              }
            }
            """;

    private ReconciliationExamples() {}
}
