package io.orderhub.payments.order;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.util.UUID;

/**
 * What payments and invoices need to know of an order: its channel, currency, amount due, what order-service
 * counts as paid, its status, and for an order on account its contract and terms ({@code onAccount}, else null).
 */
public record OrderView(
        UUID id,
        String source,
        CurrencyCode currency,
        Money grandTotal,
        Money paidAmount,
        String status,
        long version,
        OnAccount onAccount) {

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }
}
