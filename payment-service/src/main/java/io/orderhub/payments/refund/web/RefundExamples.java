package io.orderhub.payments.refund.web;

/** Examples of the API description, as ARCHITECTURE.md (Payments, Refunds) describes the bodies. */
final class RefundExamples {

    static final String REQUEST = """
            {"amount": 10.00, "reason": "One book arrived damaged"}
            """;

    /** {@code pending} until the provider confirms; refunds of recorded and manual payments succeed at once. */
    static final String RESPONSE = """
            {
              "success": true,
              "data": {
                "id": "0196a5d0-1c2d-7e3f-a4b5-c6d7e8f90a1b",
                "payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                "amount": 10.00,
                "status": "pending",
                "reason": "One book arrived damaged",
                "provider_reference": "re_3QbX2aLkdIwHu7ix1aB2cD3e",
                "created_at": "2026-03-05T14:02:45.118020Z",
                "updated_at": "2026-03-05T14:02:45.734911Z"
              }
            }
            """;

    private RefundExamples() {}
}
