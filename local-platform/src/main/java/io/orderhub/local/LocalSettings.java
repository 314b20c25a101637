package io.orderhub.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every variable of the contract with a working development default for the local run. A value from the
 * environment wins; defaults are development values, never production secrets.
 */
final class LocalSettings {

    /** The variables of ARCHITECTURE.md (Configuration) and their local defaults; null means "unset". */
    private static final Map<String, String> DEFAULTS = defaults();

    private static final Set<String> SECRET_WORDS = Set.of("KEY", "SECRET", "PASSWORD", "API_KEYS", "USERS");

    /** The console's development login, printed by the local run; for this machine only. */
    static final String DEV_CONSOLE_OPERATOR = "operator";

    static final String DEV_CONSOLE_PASSWORD = "dev-console-password";
    static final String DEV_CONSOLE_USERS = DEV_CONSOLE_OPERATOR + ":" + DEV_CONSOLE_PASSWORD + ";role=operator,"
            + "viewer:" + DEV_CONSOLE_PASSWORD + ";role=viewer";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Boolean> fromEnvironment = new LinkedHashMap<>();

    LocalSettings(Map<String, String> environment) {
        DEFAULTS.forEach((name, fallback) -> {
            String given = environment.get(name);
            if (given != null && !given.isBlank()) {
                values.put(name, given);
                fromEnvironment.put(name, true);
            } else if (fallback != null) {
                values.put(name, fallback);
                fromEnvironment.put(name, false);
            }
        });
    }

    String get(String name) {
        return values.get(name);
    }

    boolean isSet(String name) {
        return values.containsKey(name);
    }

    boolean fromEnvironment(String name) {
        return fromEnvironment.getOrDefault(name, false);
    }

    /** What the services get: every set variable except those the launcher itself resolves. */
    Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>(values);
        environment.remove("HTTP_PORT");
        return environment;
    }

    /** One line per variable; values from the environment that look secret are masked. */
    String describe() {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> {
            boolean given = fromEnvironment.get(name);
            boolean secret = SECRET_WORDS.stream().anyMatch(name::contains);
            text.append(String.format(
                    "  %-34s %s%s%n", name, given && secret ? "****" : value, given ? "  (from environment)" : ""));
        });
        return text.toString();
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("HTTP_PORT", "8080");
        // Databases: unset means the embedded PostgreSQL of the local run.
        defaults.put("DB_URL", null);
        defaults.put("DB_USER", null);
        defaults.put("DB_PASSWORD", null);
        defaults.put("KAFKA_BOOTSTRAP_SERVERS", null);
        defaults.put("SCHEMA_REGISTRY_URL", "mock://");
        defaults.put(
                "API_KEYS",
                "woocommerce:dev-woocommerce-key;name=woocommerce-dev,pos:dev-pos-key;name=pos-dev,"
                        + "b2b:dev-b2b-key;name=b2b-dev,admin:dev-admin-key;name=admin-dev");
        defaults.put("API_KEYS_FILE", null);
        defaults.put("RATE_LIMIT", "1000/1m");
        defaults.put("STRIPE_API_KEY", "sk_test_orderhub_local_development");
        defaults.put("STRIPE_WEBHOOK_SECRET", "whsec_orderhub_local_development");
        defaults.put("STRIPE_API_BASE", null);
        defaults.put("BTCPAY_URL", "http://localhost:23000");
        defaults.put("BTCPAY_API_KEY", "orderhub-local-btcpay-api-key");
        defaults.put("BTCPAY_STORE_ID", "orderhub-local-store");
        defaults.put("BTCPAY_WEBHOOK_SECRET", "orderhub-local-btcpay-webhook-secret");
        defaults.put("WOOCOMMERCE_CALLBACK_URL", null);
        // Each channel signs with its own secret; the dispatcher refuses a shared one once two channels are set.
        defaults.put("WOOCOMMERCE_CALLBACK_SECRET", "orderhub-local-woocommerce-callback-secret");
        defaults.put("POS_CALLBACK_URL", null);
        defaults.put("POS_CALLBACK_SECRET", "orderhub-local-pos-callback-secret");
        defaults.put("B2B_CALLBACK_URL", null);
        defaults.put("B2B_CALLBACK_SECRET", "orderhub-local-b2b-callback-secret");
        defaults.put("CALLBACK_SECRET", null);
        defaults.put("WOOCOMMERCE_CALLBACK_MODE", "hub");
        defaults.put("WOOCOMMERCE_URL", null);
        defaults.put("WOOCOMMERCE_CONSUMER_KEY", null);
        defaults.put("WOOCOMMERCE_CONSUMER_SECRET", null);
        defaults.put("CALLBACK_RETRY_SCHEDULE", "5s,5m,30m,2h,5h,10h,14h,20h,24h");
        defaults.put("CALLBACK_ENDPOINT_CONCURRENCY", "4");
        // The local run calls back to receivers on this machine, over plain http.
        defaults.put("CALLBACK_REQUIRE_HTTPS", "false");
        defaults.put("CALLBACK_ALLOW_PRIVATE_NETWORKS", "true");
        // Unset: the dispatcher is given this run's edge (Platform), so invoice callbacks link fetchable documents.
        defaults.put("HUB_PUBLIC_URL", null);
        defaults.put("PAYMENT_REPAIR_AFTER", "15m");
        defaults.put("AUTO_REFUND_CANCELLED", "false");
        defaults.put("RECONCILIATION_SCHEDULE", "0 30 1 * * *");
        // An example seller, so the local run's invoices have e-invoices (docs/b2b.md#e-invoices).
        defaults.putAll(ExampleSeller.VARIABLES);
        // The console: its own admin key (one of API_KEYS above) and its development login.
        defaults.put("ADMIN_CONSOLE_API_KEY", "dev-admin-key");
        defaults.put("ADMIN_USERS", DEV_CONSOLE_USERS);
        defaults.put("ADMIN_SESSION_IDLE", "30m");
        return defaults;
    }
}
