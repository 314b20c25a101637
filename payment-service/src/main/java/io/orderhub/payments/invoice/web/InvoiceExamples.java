package io.orderhub.payments.invoice.web;

/** Examples of the API description, as docs/b2b.md describes invoices. */
final class InvoiceExamples {

    private InvoiceExamples() {}

    static final String ISSUE_REQUEST = """
            {"order_id": "0196a5c4-2b3c-7d4e-8f50-6a7b8c9d0e1f"}
            """;

    static final String CREDIT_NOTE_REQUEST = """
            {"amount": 89.00, "reason": "10 boxes returned damaged"}
            """;

    static final String INVOICE = """
            {
              "success": true,
              "data": {
                "id": "0196a5d2-3c4d-7e5f-8a61-7b8c9d0e1f20",
                "number": "RE-2026-000042",
                "status": "overdue",
                "order_id": "0196a5c4-2b3c-7d4e-8f50-6a7b8c9d0e1f",
                "contract_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                "source": "b2b",
                "currency": "EUR",
                "net_total": 356.00, "tax_total": 67.64, "shipping_total": 0.00, "discount_total": 0.00,
                "total": 423.64, "paid_amount": 0.00, "credited_amount": 0.00, "outstanding": 423.64,
                "issued_at": "2026-05-04T09:12:30.123456Z",
                "due_date": "2026-06-03",
                "discount_date": "2026-05-14",
                "discount_amount": 8.47,
                "buyer": {"company": "Praxis Nord GmbH", "vat_id": "DE123456789",
                          "email": "buchhaltung@praxis-nord.example",
                          "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg",
                                      "country": "DE"},
                          "buyer_reference": "04011000-12345-67"},
                "payment_terms": {"net_days": 30, "discount_percent": 2, "discount_days": 10},
                "lines": [{"name": "Untersuchungshandschuhe M, 100 St.", "sku": "HANDSCHUH-M-100", "quantity": 40,
                           "unit_price": 8.90, "net": 356.00, "tax_rate": 0.19, "tax": 67.64}],
                "credit_notes": [],
                "dunning_level": 2,
                "fees_due": 5.00,
                "reminders": [
                  {"id": "0196c1a0-4d5e-7f60-8b72-8c9d0e1f2a31", "level": 1, "outstanding": 423.64, "fee": 0.00,
                   "days_overdue": 14, "reminded_on": "2026-06-17", "pay_by": "2026-06-27",
                   "issued_at": "2026-06-17T04:00:01.204311Z", "issued_by": "system"},
                  {"id": "0196df2b-5e6f-7a81-9c83-9d0e1f2a3b42", "level": 2, "outstanding": 423.64, "fee": 5.00,
                   "days_overdue": 28, "reminded_on": "2026-07-01", "pay_by": "2026-07-11",
                   "issued_at": "2026-07-01T04:00:01.318842Z", "issued_by": "system"}
                ],
                "issued_by": "system"
              }
            }
            """;

    static final String ALREADY_INVOICED = """
            {"type": "https://orderhub.io/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Order 0196a5c4-2b3c-7d4e-8f50-6a7b8c9d0e1f is already invoiced: RE-2026-000042",
             "invoice_id": "0196a5d2-3c4d-7e5f-8a61-7b8c9d0e1f20", "number": "RE-2026-000042",
             "success": false, "error": {"code": "CONFLICT", "message": "…"}}
            """;

    static final String DUNNING_RUN = """
            {"success": true, "data": {"day": "2026-07-01", "invoices_looked_at": 12, "reminders_issued": 4,
             "levels": [{"level": 1, "issued": 3}, {"level": 2, "issued": 1}, {"level": 3, "issued": 0}],
             "failed": 0}}
            """;

    static final String AGING = """
            {"success": true, "data": {"contract_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e0f", "as_of": "2026-12-06",
             "open_invoices": 3,
             "currencies": [{"currency": "EUR", "current": 423.64, "days_1_30": 0.00, "days_31_60": 150.00,
                             "days_61_90": 0.00, "over_90": 89.25, "total": 662.89}]}}
            """;
}
