package io.orderhub.orders;

/** The API keys of the integration tests' context; key names are the actors in histories. */
public final class TestKeys {

    public static final String WOOCOMMERCE = "wc-test-key-0001";
    public static final String POS = "pos-test-key-0001";
    public static final String B2B = "b2b-test-key-0001";
    public static final String ADMIN = "admin-test-key-01";
    public static final String READ_ONLY = "readonly-test-key-01";

    private TestKeys() {}
}
