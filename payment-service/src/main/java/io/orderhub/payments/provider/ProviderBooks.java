package io.orderhub.payments.provider;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A provider's own list of its payments, read page by page through its list API and its paging, with its rate
 * limit respected (a 429 is waited out, a bounded number of times, then fails the read).
 */
public interface ProviderBooks {

    /** The provider's name as payments carry it ({@code stripe}, {@code btcpay}). */
    String name();

    /** Whether the hub has what it needs to read this provider (its URL and key). */
    boolean configured();

    /** Hands every payment created at the provider in {@code [from, to)} to {@code each}, page by page. */
    void payments(Instant from, Instant to, Consumer<ProviderPayment> each);
}
