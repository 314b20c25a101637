package io.orderhub.payments.invoice;

import java.util.Locale;

/** Where an invoice stands; never stored, always derived ({@link Invoice#status}). */
public enum InvoiceStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID,
    OVERDUE,
    CREDITED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
