package io.orderhub.payments.reconciliation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One difference, with both sides: the provider's reference (PaymentIntent id, invoice id) and its own status,
 * the hub's payment where there is one, what each side counts as refunded of it (null where a side does not say),
 * and what the run did about it.
 */
public record Mismatch(
        MismatchKind kind,
        String providerReference,
        UUID paymentId,
        String hubStatus,
        BigDecimal hubAmount,
        String hubCurrency,
        BigDecimal hubRefunded,
        String providerStatus,
        BigDecimal providerAmount,
        String providerCurrency,
        BigDecimal providerRefunded,
        Resolution resolution,
        String detail) {

    Mismatch resolved(Resolution outcome, String why) {
        return new Mismatch(
                kind,
                providerReference,
                paymentId,
                hubStatus,
                hubAmount,
                hubCurrency,
                hubRefunded,
                providerStatus,
                providerAmount,
                providerCurrency,
                providerRefunded,
                outcome,
                why);
    }
}
