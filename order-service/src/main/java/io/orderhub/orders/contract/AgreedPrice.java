package io.orderhub.orders.contract;

import java.math.BigDecimal;

/**
 * The net unit price a contract agrees for a SKU, in the currency of the contract's credit limit: an order on
 * account with that SKU must carry exactly this {@code unit_price}.
 */
public record AgreedPrice(String sku, BigDecimal unitPrice) {}
