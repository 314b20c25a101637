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
        String metadataJson) {

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
            String metadataJson) {
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
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new PaymentRequest(
                order, provider, amount, code, returnUrl, sourcePaymentId, providerReference, parsed, metadataJson);
    }

    /** A channel reporting what its own gateway did (or POS cash): no provider is called. */
    public boolean recorded() {
        return status != null || Providers.MANUAL.equals(provider);
    }

    /** What the request asked for, so that an Idempotency-Key reused for another request is recognised. */
    public String digest() {
        String canonical = String.join(
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
