package io.orderhub.payments.creation;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.payment.Amounts;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.Violation;
import io.orderhub.payments.provider.Providers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A payment as a channel asks for it, validated on construction (422 naming each bad field). With a
 * {@code status}, or for {@code manual}, it records what already happened; otherwise the hub asks the provider.
 * A {@code method} of {@link #CARD_PRESENT} is a Stripe Terminal payment: always through {@code stripe}, always
 * for what is open on the order.
 */
public record PaymentRequest(
        UUID orderId,
        String provider,
        BigDecimal amount,
        CurrencyCode currency,
        String returnUrl,
        String sourcePaymentId,
        String providerReference,
        PaymentStatus status,
        String metadataJson,
        String method) {

    /** A card presented at a Stripe Terminal reader (the POS). */
    public static final String CARD_PRESENT = "card_present";

    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Set<PaymentStatus> RECORDABLE =
            EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED, PaymentStatus.PENDING);

    /** Parses and validates what the channel sent. */
    public static PaymentRequest of(
            String orderId,
            String provider,
            BigDecimal amount,
            String currency,
            String returnUrl,
            String sourcePaymentId,
            String providerReference,
            String status,
            String metadataJson,
            String method) {
        List<Violation> errors = new ArrayList<>();
        UUID order = null;
        if (orderId == null || orderId.isBlank()) {
            errors.add(new Violation("order_id", "is required"));
        } else {
            try {
                order = UUID.fromString(orderId);
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("order_id", "is not an order id"));
            }
        }
        if (provider == null || provider.isBlank()) {
            errors.add(new Violation("provider", "is required"));
        } else if (!PROVIDER.matcher(provider).matches()) {
            errors.add(new Violation(
                    "provider", "must be a lower-case provider name (stripe, btcpay, manual, paypal, ...)"));
        }
        CurrencyCode code = null;
        if (currency != null) {
            code = CurrencyCode.parse(currency).orElse(null);
            if (code == null) {
                errors.add(new Violation("currency", "is not an ISO 4217 currency code (upper case)"));
            }
        }
        if (amount != null) {
            String problem = Amounts.problemWith(amount);
            if (problem == null && code != null) {
                problem = Money.problemWith(amount, code);
            }
            if (problem != null) {
                errors.add(new Violation("amount", problem));
            }
        }
        PaymentStatus parsed = null;
        if (status != null) {
            parsed = PaymentStatus.parse(status).filter(RECORDABLE::contains).orElse(null);
            if (parsed == null) {
                errors.add(new Violation("status", "must be succeeded, failed or pending"));
            }
        }
        if (returnUrl != null && !(returnUrl.startsWith("https://") || returnUrl.startsWith("http://"))) {
            errors.add(new Violation("return_url", "must be an http(s) URL"));
        }
        if (sourcePaymentId != null && (sourcePaymentId.isBlank() || sourcePaymentId.length() > 255)) {
            errors.add(new Violation("source_payment_id", "must be 1 to 255 characters"));
        }
        if (providerReference != null && (providerReference.isBlank() || providerReference.length() > 255)) {
            errors.add(new Violation("provider_reference", "must be 1 to 255 characters"));
        }
        if (method != null) {
            if (!CARD_PRESENT.equals(method)) {
                errors.add(new Violation("method", "must be card_present or absent"));
            } else if (!"stripe".equals(provider) || status != null || providerReference != null) {
                errors.add(new Violation(
                        "method", "card_present is a payment the hub creates through stripe, never a recorded one"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new PaymentRequest(
                order,
                provider,
                amount,
                code,
                returnUrl,
                sourcePaymentId,
                providerReference,
                parsed,
                metadataJson,
                method);
    }

    /** A channel reporting what its own gateway did (or POS cash): no provider is called. */
    public boolean recorded() {
        return status != null || Providers.MANUAL.equals(provider);
    }

    public boolean cardPresent() {
        return CARD_PRESENT.equals(method);
    }

    /** What the request asked for, so that an Idempotency-Key reused for another request is recognised. */
    public String digest() {
        // The method only when there is one, so that the digests of requests stored before it existed still match.
        String canonical = (method == null ? "" : method + "\n")
                + String.join(
                        "\n",
                        String.valueOf(orderId),
                        provider,
                        amount == null ? "" : amount.stripTrailingZeros().toPlainString(),
                        currency == null ? "" : currency.code(),
                        String.valueOf(returnUrl),
                        String.valueOf(sourcePaymentId),
                        String.valueOf(providerReference),
                        status == null ? "" : status.wireName(),
                        String.valueOf(metadataJson));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
