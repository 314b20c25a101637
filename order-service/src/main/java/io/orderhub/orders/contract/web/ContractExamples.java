package io.orderhub.orders.contract.web;

/** Examples of the API description, as docs/b2b.md shows the bodies. */
final class ContractExamples {

    /**
     * The contract: a medical practice in Hamburg buying on 30 days net, 2 % within 10 days, at agreed
     * prices for gloves (the price of the on-account order example) and disinfectant.
     */
    static final String CREATE_REQUEST = """
            {
              "channel": "b2b",
              "customer": {
                "company": "Praxis Nord GmbH",
                "vat_id": "DE123456789",
                "email": "buchhaltung@praxis-nord.example",
                "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg", "country": "DE"},
                "buyer_reference": "04011000-12345-67"
              },
              "payment_terms": {"net_days": 30, "discount_percent": 2, "discount_days": 10},
              "credit_limit": {"amount": 5000.00, "currency": "EUR"},
              "agreed_prices": [
                {"sku": "HANDSCHUH-M-100", "unit_price": 8.90},
                {"sku": "DESINFEKTION-1L", "unit_price": 6.40}
              ]
            }
            """;

    static final String CREATED_RESPONSE = """
            {
              "success": true,
              "data": {
                "id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
                "channel": "b2b",
                "status": "active",
                "version": 1,
                "customer": {
                  "company": "Praxis Nord GmbH",
                  "vat_id": "DE123456789",
                  "email": "buchhaltung@praxis-nord.example",
                  "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg", "country": "DE"},
                  "buyer_reference": "04011000-12345-67"
                },
                "payment_terms": {"net_days": 30, "discount_percent": 2, "discount_days": 10},
                "credit_limit": {"amount": 5000.00, "currency": "EUR"},
                "agreed_prices": [
                  {"sku": "HANDSCHUH-M-100", "unit_price": 8.90},
                  {"sku": "DESINFEKTION-1L", "unit_price": 6.40}
                ],
                "created_at": "2026-03-02T10:15:30.123456Z",
                "updated_at": "2026-03-02T10:15:30.123456Z"
              }
            }
            """;

    /** Suspends the contract and raises its limit: version 2, for new orders only. */
    static final String CHANGE_REQUEST = """
            {"status": "suspended", "credit_limit": {"amount": 8000.00, "currency": "EUR"}}
            """;

    /** An order on account beyond the limit. */
    static final String CREDIT_LIMIT_EXCEEDED = """
            {
              "type": "https://orderhub.io/problems/credit-limit-exceeded",
              "title": "Credit limit exceeded",
              "status": 422,
              "detail": "The order's 1200.00 EUR and the open receivables of 4100.00 EUR exceed the contract's \
            credit limit of 5000.00 EUR",
              "instance": "/api/v1/orders",
              "errors": [{"field": "contract_id", "message": "the credit limit does not cover this order"}],
              "contract_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
              "currency": "EUR",
              "credit_limit": 5000.00,
              "open_receivables": 4100.00,
              "order_total": 1200.00,
              "available": 900.00,
              "success": false,
              "error": {"code": "CREDIT_LIMIT_EXCEEDED", "message": "The order's 1200.00 EUR and the open receivables \
            of 4100.00 EUR exceed the contract's credit limit of 5000.00 EUR"}
            }
            """;

    private ContractExamples() {}
}
