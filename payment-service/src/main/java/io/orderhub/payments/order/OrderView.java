package io.orderhub.payments.order;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.util.UUID;

/** What payments need to know of an order: its channel, currency, amount due and status. */
public record OrderView(UUID id, String source, CurrencyCode currency, Money grandTotal, String status, long version) {

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }
}
