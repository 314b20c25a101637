package io.orderhub.payments.terminal;

import io.orderhub.payments.creation.CreatePayment;
import io.orderhub.payments.creation.PaymentRequest;
import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.provider.ConnectionTokens;
import io.orderhub.payments.provider.ConnectionTokens.ConnectionToken;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Stripe Terminal for the POS. A Terminal payment is created by {@link CreatePayment} like any other (order
 * known or 503, Idempotency-Key, Stripe's Idempotency-Key the hub's payment id, outcome through the webhooks),
 * with method {@code card_present} and always for what is open on the order; the answer carries a fresh
 * connection token as the old hub's did.
 */
@Service
public class TerminalPayments {

    /** Stripe's Terminal location and reader ids ({@code tml_...}, {@code tmr_...}). */
    private static final Pattern STRIPE_ID = Pattern.compile("[A-Za-z0-9_]{1,255}");

    private final CreatePayment createPayment;
    private final ConnectionTokens tokens;

    TerminalPayments(CreatePayment createPayment, ConnectionTokens tokens) {
        this.createPayment = createPayment;
        this.tokens = tokens;
    }

    /** The payment the reader collects, and a connection token for that reader. */
    public record Started(Payment payment, boolean created, ConnectionToken token) {}

    /** A connection token for a Terminal SDK, restricted to a location when one is named. */
    public ConnectionToken connectionToken(String location) {
        return tokens.create(checked("location_id", location));
    }

    /**
     * A card-present payment for what is open on the order; an {@code amount} or {@code currency} the POS sends
     * must be exactly the open amount and the order's currency (422 otherwise).
     */
    public Started start(
            String orderId,
            BigDecimal amount,
            String currency,
            String location,
            String reader,
            String metadataJson,
            Caller caller,
            String idempotencyKey) {
        String checkedLocation = checked("location_id", location);
        checked("reader_id", reader);
        PaymentRequest request = PaymentRequest.of(
                orderId, "stripe", amount, currency, null, null, null, null, metadataJson, PaymentRequest.CARD_PRESENT);
        // The token first: it changes nothing, so when Stripe fails here no payment is left behind.
        ConnectionToken token = tokens.create(checkedLocation);
        var result = createPayment.create(request, caller, idempotencyKey);
        return new Started(result.payment(), result.created(), token);
    }

    private static String checked(String field, String stripeId) {
        if (stripeId != null && !STRIPE_ID.matcher(stripeId).matches()) {
            throw new InvalidRequest(
                    field, "must be a Stripe Terminal id (tml_... for a location, tmr_... for a reader)");
        }
        return stripeId;
    }
}
