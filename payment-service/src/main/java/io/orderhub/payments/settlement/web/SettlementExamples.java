package io.orderhub.payments.settlement.web;

/** Examples of the API description, as docs/payments.md describes the settlement report. */
final class SettlementExamples {

    static final String REPORT = """
            {
              "success": true,
              "data": {
                "from": "2026-05-01T00:00:00Z",
                "to": "2026-05-08T00:00:00Z",
                "payouts": [
                  {
                    "id": "po_1QbY7eLkdIwHu7ixZk3p9QaB",
                    "arrival_date": "2026-05-04T00:00:00Z",
                    "status": "paid",
                    "amount": 40.93,
                    "currency": "EUR",
                    "transactions": [
                      {"id": "txn_3QbX2aLkdIwHu7ix0mP1qR2s", "type": "charge", "source": "ch_3QbX2aLkdIwHu7ix0kL3mN4o",
                       "payment_intent": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o",
                       "payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                       "amount": 44.70, "fee": 0.88, "net": 43.82, "currency": "EUR"},
                      {"id": "txn_3QbX9kLkdIwHu7ix1tU5vW6x", "type": "refund", "source": "re_3QbX9kLkdIwHu7ix1yZ7aB8c",
                       "payment_intent": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o",
                       "payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                       "amount": -2.89, "fee": 0.00, "net": -2.89, "currency": "EUR"}
                    ],
                    "totals": [
                      {"currency": "EUR", "gross": 41.81, "fees": 0.88, "net": 40.93, "payments": 1, "refunds": 1}
                    ]
                  }
                ],
                "totals": [
                  {"currency": "EUR", "gross": 41.81, "fees": 0.88, "net": 40.93, "payments": 1, "refunds": 1}
                ]
              }
            }
            """;

    private SettlementExamples() {}
}
