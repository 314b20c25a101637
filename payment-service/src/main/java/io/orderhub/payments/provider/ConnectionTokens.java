package io.orderhub.payments.provider;

/** Stripe Terminal connection tokens: what a POS's Terminal SDK authenticates its readers with. */
public interface ConnectionTokens {

    /**
     * A new connection token, restricted to a Terminal location when one is named. Throws {@link ProviderFailure}
     * when Stripe refuses, fails or times out.
     */
    ConnectionToken create(String location);

    /** The token's secret for the SDK, and the location it is restricted to (null: any). */
    record ConnectionToken(String secret, String location) {}
}
