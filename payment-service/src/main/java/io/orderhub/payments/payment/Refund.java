package io.orderhub.payments.payment;

import io.orderhub.money.Money;
import java.time.Instant;
import java.util.UUID;

/** One refund of a payment; part of the payment aggregate, changed only through {@link Payment}. */
public final class Refund {

    private final UUID id;
    private final Money amount;
    private final String reason;
    private final String requestedBy;
    private final boolean system;
    private final Instant createdAt;
    private RefundStatus status;
    private String providerReference;
    private Instant updatedAt;

    Refund(
            UUID id,
            Money amount,
            RefundStatus status,
            String reason,
            String providerReference,
            String requestedBy,
            boolean system,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.amount = amount;
        this.status = status;
        this.reason = reason;
        this.providerReference = providerReference;
        this.requestedBy = requestedBy;
        this.system = system;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public UUID id() {
        return id;
    }

    public Money amount() {
        return amount;
    }

    public RefundStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String providerReference() {
        return providerReference;
    }

    public String requestedBy() {
        return requestedBy;
    }

    /** Started by the hub itself (money for a cancelled order), so the repair job may submit it. */
    public boolean system() {
        return system;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    boolean changeStatus(RefundStatus next, Instant now) {
        if (status == next || status.isFinal()) {
            return false;
        }
        status = next;
        updatedAt = now;
        return true;
    }

    boolean attachReference(String reference, Instant now) {
        if (reference == null || reference.equals(providerReference)) {
            return false;
        }
        providerReference = reference;
        updatedAt = now;
        return true;
    }
}
