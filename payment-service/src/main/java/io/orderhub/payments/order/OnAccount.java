package io.orderhub.payments.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an invoice needs of an order on account, as its last event told it: the contract, the buyer and the
 * payment terms as of the order's contract version, the order's lines and amounts (in the order's currency).
 */
public record OnAccount(
        UUID contractId,
        Buyer buyer,
        PaymentTerms paymentTerms,
        List<Line> lines,
        BigDecimal subtotal,
        BigDecimal taxTotal,
        BigDecimal shippingTotal,
        BigDecimal discountTotal) {

    public OnAccount {
        lines = List.copyOf(lines);
    }

    /** The business customer an invoice names; {@code vatId} and {@code buyerReference} may be null. */
    public record Buyer(String company, String vatId, String email, Address address, String buyerReference) {}

    /** A billing address; {@code country} is ISO 3166-1 alpha-2. */
    public record Address(String line1, String postalCode, String city, String country) {}

    /** Due {@code netDays} after issue; {@code discountPercent} off within {@code discountDays} (both or neither). */
    public record PaymentTerms(int netDays, BigDecimal discountPercent, Integer discountDays) {}

    /** One order item: its net line total, and its tax and rate (a fraction) when the channel sent them. */
    public record Line(
            String name,
            String sku,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal net,
            BigDecimal taxRate,
            BigDecimal tax) {}
}
