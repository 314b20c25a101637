package io.orderhub.payments.reconciliation;

import java.util.Locale;

/** How the provider's books and the hub's differ about one payment. */
public enum MismatchKind {
    /** The provider has a payment the hub does not know (made at the provider without the hub). */
    MISSING_IN_HUB,
    /** The hub has a payment its provider does not. */
    MISSING_AT_PROVIDER,
    STATUS_DIFFERS,
    AMOUNT_DIFFERS,
    CURRENCY_DIFFERS,
    /** What the provider refunded of the payment is not what the hub counts as refunded. */
    REFUND_DIFFERS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MismatchKind fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
