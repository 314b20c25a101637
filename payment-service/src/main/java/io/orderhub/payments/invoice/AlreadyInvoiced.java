package io.orderhub.payments.invoice;

import java.util.UUID;

/** An order has one invoice; asking for a second names the first (corrections are credit notes). */
public class AlreadyInvoiced extends RuntimeException {

    private final UUID invoiceId;
    private final String number;

    AlreadyInvoiced(UUID orderId, UUID invoiceId, String number) {
        super("Order " + orderId + " is already invoiced: " + number);
        this.invoiceId = invoiceId;
        this.number = number;
    }

    public UUID invoiceId() {
        return invoiceId;
    }

    public String number() {
        return number;
    }
}
