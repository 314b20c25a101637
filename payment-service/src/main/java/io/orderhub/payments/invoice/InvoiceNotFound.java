package io.orderhub.payments.invoice;

import java.util.UUID;

public class InvoiceNotFound extends RuntimeException {

    public InvoiceNotFound(UUID id) {
        super("No invoice " + id);
    }
}
