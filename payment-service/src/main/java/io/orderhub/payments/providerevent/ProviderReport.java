package io.orderhub.payments.providerevent;

import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.RefundStatus;

/**
 * What one provider webhook says happened, in the hub's terms: read from the payload by {@link StripeEvents} or
 * {@link BtcpayEvents}, applied by {@link ApplyProviderEvent}. Amounts are in the currency's minor units, as both
 * providers send them; the payment they belong to gives the currency.
 */
sealed interface ProviderReport {

    /**
     * The payment an event is about: by the provider's reference, else by the hub's payment id the provider echoes
     * from the metadata it was created with. {@code named} says how the event names it, for the outcome.
     */
    record PaymentRef(String provider, String reference, String hubPaymentId, String named) {}

    /** A report about one payment, found by its {@link PaymentRef}. */
    sealed interface AboutPayment extends ProviderReport {
        PaymentRef payment();
    }

    /**
     * The payment's status at the provider. {@code attention} flags it for a person. BTCPay shows the hub's own
     * cancellation (it marks the invoice invalid) as a failure: {@code failureMeansCancelledIfRequested}.
     */
    record PaymentOutcome(
            PaymentRef payment, PaymentStatus status, String attention, boolean failureMeansCancelledIfRequested)
            implements AboutPayment {}

    /** An event about a known payment that changes nothing (BTCPay's InvoiceCreated). */
    record NothingToApply(PaymentRef payment) implements AboutPayment {}

    /** Money arrived on a BTCPay invoice; only a payment after the invoice expired needs the hub to look. */
    record InvoicePayment(PaymentRef payment, boolean afterExpiration) implements AboutPayment {}

    /**
     * One refund's state at Stripe, found by Stripe's id or the hub's refund id in its metadata, else through its
     * payment.
     */
    record RefundChange(String reference, String hubRefundId, PaymentRef payment, RefundStatus status, long amountMinor)
            implements ProviderReport {}

    /** Stripe's cumulative refunded amount of a charge (charge.refunded). */
    record RefundedInAll(PaymentRef payment, long amountRefundedMinor) implements AboutPayment {}

    /** A dispute (chargeback) on the payment and its state at Stripe. */
    record DisputeChange(PaymentRef payment, String reference, String status, long amountMinor, String reason)
            implements AboutPayment {

        boolean needsResponse() {
            return "needs_response".equals(status) || "warning_needs_response".equals(status);
        }
    }

    /** A BTCPay payout of a refund's pull payment; the refund counts once the payout completes. */
    record PayoutChange(String pullPaymentId, String payoutState) implements ProviderReport {

        boolean completed() {
            return "Completed".equals(payoutState);
        }
    }

    /** A payload that is not JSON: recorded, never applied. */
    record Unreadable(String why) implements ProviderReport {}
}
