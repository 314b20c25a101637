package io.orderhub.webhooks;

/** The signed examples of issue 6, exactly as given there. */
public final class TestVectors {

    private TestVectors() {}

    public static final String STRIPE_SECRET = "whsec_test_secret";
    public static final long STRIPE_TIMESTAMP = 1_700_000_000L;
    public static final String STRIPE_BODY =
            "{\"id\":\"evt_test\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\"}";
    public static final String STRIPE_SIGNATURE =
            "t=1700000000,v1=f457ee3d89f52f9f02936e1cd1173dd5dfa132cdc78ec55ea964a53098c5a1c0";

    public static final String BTCPAY_SECRET = "HelloWorld";
    public static final String BTCPAY_BODY =
            "{\"deliveryId\":\"d1\",\"webhookId\":\"w1\",\"originalDeliveryId\":\"d1\","
                    + "\"isRedelivery\":false,\"type\":\"InvoiceSettled\",\"timestamp\":1700000000,\"storeId\":\"s1\","
                    + "\"invoiceId\":\"i1\",\"metadata\":null,\"manuallyMarked\":false,\"overPaid\":false}";
    public static final String BTCPAY_SIGNATURE =
            "sha256=e9931d9586b8b2791a50c47f2cb97d4571ad6fcbcf08cbd8d6202b43a1541ef7";
}
