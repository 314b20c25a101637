package io.orderhub.orders.order;

import io.orderhub.money.Money;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of an order. {@code price} is the line total as the channel computed it; {@code unitPrice}
 * is kept only when the channel sent it (the plugin sends only the line total, and dividing would invent
 * cents). {@code taxRate} is a fraction (0.19).
 */
public record OrderItem(
        UUID id,
        String productId,
        String sku,
        String name,
        int quantity,
        Money unitPrice,
        Money price,
        Money subtotal,
        Money tax,
        BigDecimal taxRate,
        String metadataJson) {}
