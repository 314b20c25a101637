package io.orderhub.payments.terminal.web;

/** Examples of the API description: the old hub's Terminal bodies, as docs/payments.md describes them. */
final class TerminalExamples {

    static final String TOKEN_REQUEST = """
            {"location_id": "tml_FDOtHwxAAdIJOh"}
            """;

    static final String TOKEN_RESPONSE = """
            {
              "success": true,
              "data": {
                "secret": "pst_test_YWNjdF8xTzFxN2VMa2RJd0h1N2l4LE5UUm9xc3FGNHp0",
                "location": "tml_FDOtHwxAAdIJOh",
                "expires_at": 1780654500000
              }
            }
            """;

    static final String INTENT_REQUEST = """
            {
              "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
              "location_id": "tml_FDOtHwxAAdIJOh",
              "reader_id": "tmr_FDOt2wlRZEdpd7",
              "metadata": {"till": "2"}
            }
            """;

    static final String INTENT_RESPONSE = """
            {
              "success": true,
              "data": {
                "payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                "payment_intent_id": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o",
                "client_secret": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o_secret_Yb2kZr0T1cVq8sLx4nWm",
                "connection_token": "pst_test_YWNjdF8xTzFxN2VMa2RJd0h1N2l4LE5UUm9xc3FGNHp0",
                "expires_at": 1780654500000,
                "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d",
                "status": "pending",
                "amount": 47.49,
                "currency": "EUR"
              }
            }
            """;

    static final String STATUS_RESPONSE = """
            {
              "success": true,
              "data": {
                "payment_id": "0196a5c4-8a2b-7f3c-9d4e-0a1b2c3d4e5f",
                "payment_intent_id": "pi_3QbX2aLkdIwHu7ix0pJ4mN5o",
                "status": "succeeded",
                "amount": 47.49,
                "currency": "EUR",
                "method": "card_present",
                "order_id": "0196a5c3-2f1e-7b4a-9c3d-5e6f7a8b9c0d"
              }
            }
            """;

    private TerminalExamples() {}
}
