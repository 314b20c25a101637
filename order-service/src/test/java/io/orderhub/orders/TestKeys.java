package io.orderhub.orders;

/** The API keys of the integration tests' context; key names are the actors in histories. */
public final class TestKeys {

    public static final String WOOCOMMERCE = "wc-test-key-0001";
    public static final String POS = "pos-test-key-0001";
    public static final String B2B = "b2b-test-key-0001";
    public static final String ADMIN = "admin-test-key-01";
    public static final String READ_ONLY = "readonly-test-key-01";

    /** Keys of channel {@code b2b} with exactly one scope each (named {@code only-<scope>}), limit 50/1m. */
    public static final String ONLY_ORDERS_WRITE = "only-orders-write-key";

    public static final String ONLY_PAYMENTS_READ = "only-payments-read-key";
    public static final String ONLY_PAYMENTS_WRITE = "only-payments-write-key";
    public static final String ONLY_CALLBACKS_READ = "only-callbacks-read-key";
    public static final String ONLY_CALLBACKS_WRITE = "only-callbacks-write-key";

    private TestKeys() {}
}
