package io.orderhub.orders.order.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.orders.customer.Customer;
import io.orderhub.orders.order.OrderItem;
import io.orderhub.orders.order.OrderPayment;
import io.orderhub.orders.order.OrderState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as every order response shows it: all fields of the contract, amounts as JSON decimals with
 * the currency's number of fraction digits, metadata as the channel sent it; {@code contract_id},
 * {@code contract_version}, {@code payment_method} and {@code credited_amount} (what credit notes of its invoice
 * took back) are null unless the order is on account.
 */
record OrderResponse(
        UUID id,
        String source,
        String sourceOrderId,
        String customerId,
        String status,
        long version,
        String currency,
        BigDecimal subtotal,
        BigDecimal taxTotal,
        BigDecimal shippingTotal,
        BigDecimal discountTotal,
        BigDecimal grandTotal,
        BigDecimal paidAmount,
        BigDecimal refundedAmount,
        boolean overpaid,
        CustomerResponse customer,
        List<ItemResponse> items,
        List<PaymentResponse> payments,
        @JsonRawValue String metadata,
        Instant createdAt,
        Instant updatedAt,
        UUID contractId,
        Long contractVersion,
        String paymentMethod,
        BigDecimal creditedAmount) {

    record CustomerResponse(UUID id, String email, String name, String phone) {}

    record ItemResponse(
            UUID id,
            String productId,
            String sku,
            String name,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal price,
            BigDecimal subtotal,
            BigDecimal tax,
            BigDecimal taxRate,
            @JsonRawValue String metadata) {}

    /** The payment summary of the contract, plus the payment's currency (another one does not count). */
    record PaymentResponse(
            UUID id, String provider, String status, BigDecimal amount, BigDecimal refundedAmount, String currency) {}

    static OrderResponse of(OrderState s) {
        Customer c = s.customer();
        return new OrderResponse(
                s.id().value(),
                s.source(),
                s.sourceOrderId(),
                s.customerId(),
                s.status().apiName(),
                s.version(),
                s.currency().code(),
                s.totals().subtotal().amount(),
                s.totals().taxTotal().amount(),
                s.totals().shippingTotal().amount(),
                s.totals().discountTotal().amount(),
                s.totals().grandTotal().amount(),
                s.paidAmount().amount(),
                s.refundedAmount().amount(),
                s.overpaid(),
                c == null ? null : new CustomerResponse(c.id(), c.email(), c.name(), c.phone()),
                s.items().stream().map(OrderResponse::item).toList(),
                s.payments().stream().map(OrderResponse::payment).toList(),
                s.metadataJson(),
                s.createdAt(),
                s.updatedAt(),
                s.onAccount() == null ? null : s.onAccount().contract().value(),
                s.onAccount() == null ? null : s.onAccount().contractVersion(),
                s.onAccount() == null ? null : s.onAccount().paymentMethod(),
                s.onAccount() == null ? null : s.creditedAmount().amount());
    }

    private static ItemResponse item(OrderItem i) {
        return new ItemResponse(
                i.id(),
                i.productId(),
                i.sku(),
                i.name(),
                i.quantity(),
                amount(i.unitPrice()),
                i.price().amount(),
                amount(i.subtotal()),
                amount(i.tax()),
                i.taxRate(),
                i.metadataJson());
    }

    private static PaymentResponse payment(OrderPayment p) {
        return new PaymentResponse(
                p.paymentId(),
                p.provider(),
                p.status().apiName(),
                inCurrency(p.amount(), p.currency()),
                inCurrency(p.refundedAmount(), p.currency()),
                p.currency());
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    /** Events carry four fraction digits; show the currency's own number when that is exact. */
    private static BigDecimal inCurrency(BigDecimal amount, String currency) {
        return CurrencyCode.parse(currency)
                .map(code -> {
                    try {
                        return amount.setScale(code.fractionDigits(), RoundingMode.UNNECESSARY);
                    } catch (ArithmeticException e) {
                        return amount;
                    }
                })
                .orElse(amount);
    }
}
