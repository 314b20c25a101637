package io.orderhub.payments.provider;

import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.Refund;
import java.util.Optional;

/**
 * What the hub asks of a payment provider. Every call happens outside a database transaction; a call that
 * cannot be answered throws {@link ProviderFailure}. Creations are safe to repeat: Stripe gets the hub's id as
 * its Idempotency-Key, BTCPay is searched before a second invoice is made.
 */
public interface PaymentProvider {

    /** The provider's name as payments carry it ({@code stripe}, {@code btcpay}). */
    String name();

    Created create(Payment payment);

    /** The payment at the provider, by reference or, when the hub never stored one, by the hub's id; empty when the provider has none. */
    Optional<ProviderState> find(Payment payment);

    ProviderState cancel(Payment payment);

    RefundState refund(Payment payment, Refund refund);

    /** The refund at the provider, by reference or by the hub's refund id; empty when the provider has none. */
    Optional<RefundState> findRefund(Payment payment, Refund refund);
}
