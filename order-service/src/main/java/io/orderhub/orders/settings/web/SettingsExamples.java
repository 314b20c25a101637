package io.orderhub.orders.settings.web;

/** The example of the API description. */
final class SettingsExamples {

    /** What the plugin's default key gets. */
    static final String RESPONSE = """
            {
              "success": true,
              "data": {
                "api_version": "v1",
                "channel": "woocommerce",
                "key_name": "shop",
                "admin": false,
                "scopes": ["callbacks:read", "callbacks:write", "orders:read", "orders:write",
                           "payments:read", "payments:write"],
                "rate_limit": {"requests": 100, "window_seconds": 900, "own_limit": false},
                "callbacks": {"endpoints": "/api/v1/callbacks/endpoints"}
              }
            }
            """;

    private SettingsExamples() {}
}
