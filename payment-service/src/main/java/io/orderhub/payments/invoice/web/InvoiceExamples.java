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
                "status": "open",
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

    static final String AGING = """
            {"success": true, "data": {"contract_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e0f", "as_of": "2026-12-06",
             "open_invoices": 3,
             "currencies": [{"currency": "EUR", "current": 423.64, "days_1_30": 0.00, "days_31_60": 150.00,
                             "days_61_90": 0.00, "over_90": 89.25, "total": 662.89}]}}
            """;
}
