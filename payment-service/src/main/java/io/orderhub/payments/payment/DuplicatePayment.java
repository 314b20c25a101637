package io.orderhub.payments.payment;

import java.util.Optional;
import java.util.UUID;

/**
 * A payment that would take a source payment id or provider reference another payment holds, or is being
 * created under right now; names that payment when it is known.
 */
public class DuplicatePayment extends RuntimeException {

    private final UUID existingPaymentId;

    public DuplicatePayment(String message) {
        super(message);
        this.existingPaymentId = null;
    }

    public DuplicatePayment(String message, UUID existingPaymentId) {
        super(message);
        this.existingPaymentId = existingPaymentId;
    }

    public Optional<UUID> existingPaymentId() {
        return Optional.ofNullable(existingPaymentId);
    }
}
