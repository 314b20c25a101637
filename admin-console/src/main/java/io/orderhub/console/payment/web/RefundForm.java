package io.orderhub.console.payment.web;

import io.orderhub.console.hub.Views.Payment;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an operator typed into the refund form, checked before anything is asked of the service: an amount
 * (a point or a comma before the cents) above zero and within what is left to refund, and a reason for the
 * audit log. The payment service decides again; this only spares the operator a round trip.
 */
record RefundForm(BigDecimal amount, String reason) {

    static final int REASON_LENGTH = 1000;

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}([.,]\\d{1,4})?");

    /** The form's values, or the problem to show next to it. */
    sealed interface Checked permits Valid, Invalid {}

    record Valid(RefundForm form) implements Checked {}

    record Invalid(String problem) implements Checked {}

    /** Before the confirmation step: the form, and whether the payment has that much left to refund. */
    static Checked check(@Nullable String amount, @Nullable String reason, Payment payment) {
        if (!payment.refundable()) {
            return new Invalid("This payment has nothing left to refund");
        }
        Checked parsed = parse(amount, reason);
        BigDecimal left = payment.refundableAmount();
        if (parsed instanceof Valid valid && valid.form().amount().compareTo(left) > 0) {
            return new Invalid("At most " + left.toPlainString() + " " + payment.currency() + " is left to refund");
        }
        return parsed;
    }

    /**
     * The confirmed form: only its shape. Whether the money is still there is the service's to say, and a
     * confirmation sent again must reach it, so that its Idempotency-Key answers the refund already made.
     */
    static Checked parse(@Nullable String amount, @Nullable String reason) {
        String amountText = amount == null ? "" : amount.strip();
        String reasonText = reason == null ? "" : reason.strip();
        if (!AMOUNT.matcher(amountText).matches()) {
            return new Invalid("The amount is a number like 10.00");
        }
        BigDecimal value = new BigDecimal(amountText.replace(',', '.'));
        if (value.signum() <= 0) {
            return new Invalid("The amount must be above zero");
        }
        if (reasonText.isEmpty() || reasonText.length() > REASON_LENGTH) {
            return new Invalid("Give a reason (at most " + REASON_LENGTH + " characters): it goes to the audit log");
        }
        return new Valid(new RefundForm(value, reasonText));
    }
}
