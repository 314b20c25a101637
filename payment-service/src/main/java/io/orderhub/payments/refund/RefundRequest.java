package io.orderhub.payments.refund;

import io.orderhub.payments.payment.Amounts;
import io.orderhub.payments.payment.InvalidRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A refund as a channel asks for it; without an amount, everything that is left. The amount is bounded here,
 * before its digest is taken; the payment's currency is checked when the payment is loaded.
 */
public record RefundRequest(UUID paymentId, BigDecimal amount, String reason) {

    public RefundRequest {
        if (amount != null && Amounts.problemWith(amount) != null) {
            throw new InvalidRequest("amount", Amounts.problemWith(amount));
        }
        if (reason != null && reason.length() > 1000) {
            throw new InvalidRequest("reason", "must be at most 1000 characters");
        }
    }

    String digest() {
        String canonical = paymentId + "\n"
                + (amount == null ? "" : amount.stripTrailingZeros().toPlainString()) + "\n" + reason;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
