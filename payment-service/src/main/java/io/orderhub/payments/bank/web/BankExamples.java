package io.orderhub.payments.bank.web;

/** OpenAPI examples of the bank statement import and the bank credits. */
final class BankExamples {

    private BankExamples() {}

    static final String STATEMENT_RESULT = """
            {"success": true, "data": {"message_type": "camt.053.001.08", "message_id": "STMT-2026-12-06-001",
             "matched": 2, "unmatched": 1, "debits": 1, "not_booked": 0, "already_applied": 0,
             "lines": [
              {"entry_reference": "2026120600001", "amount": 415.17, "currency": "EUR", "outcome": "matched",
               "bank_credit_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e01", "matched_by": "number",
               "invoice_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e02", "invoice_number": "RE-2026-000017",
               "invoice_status": "paid",
               "payment_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e03", "discount": 8.47, "overpaid": false,
               "already_applied": false},
              {"entry_reference": "2026120600002", "amount": 100.00, "currency": "EUR", "outcome": "unmatched",
               "bank_credit_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e04", "matched_by": null, "invoice_id": null,
               "invoice_number": null, "invoice_status": null, "payment_id": null, "discount": null, "overpaid": false,
               "already_applied": false}]}}""";

    static final String ASSIGN_REQUEST = """
            {"invoice_id": "0196a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e02"}""";

    static final String UNREADABLE = """
            {"type": "https://orderhub.io/problems/validation-failed", "title": "Validation failed", "status": 422,
             "detail": "pain.001.001.03 is not a statement the hub reads: send camt.053 or camt.054 (001.02 or 001.08)",
             "errors": [{"field": "body", "message": "pain.001.001.03 is not a statement the hub reads: send camt.053 or camt.054 (001.02 or 001.08)"}],
             "success": false}""";
}
