package io.orderhub.payments.payment;

import io.orderhub.money.Money;
import java.time.Instant;

/** A chargeback as the provider reports it (Stripe's dispute status verbatim); a lost one counts as refunded. */
public record Dispute(String providerReference, String status, Money amount, String reason, Instant createdAt) {

    public boolean lost() {
        return "lost".equals(status);
    }
}
