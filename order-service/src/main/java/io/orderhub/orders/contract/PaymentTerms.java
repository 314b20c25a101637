package io.orderhub.orders.contract;

import java.math.BigDecimal;

/**
 * When an invoice is due ({@code netDays} after it is issued) and, optionally, the early-payment discount:
 * {@code discountPercent} off when paid within {@code discountDays}. Both discount fields or neither.
 */
public record PaymentTerms(int netDays, BigDecimal discountPercent, Integer discountDays) {

    /** The percentage without trailing zeros, but never in exponent form: 2, 2.5, 10 (not 1E+1). */
    public PaymentTerms {
        if (discountPercent != null) {
            discountPercent = discountPercent.stripTrailingZeros();
            if (discountPercent.scale() < 0) {
                discountPercent = discountPercent.setScale(0);
            }
        }
    }
}
