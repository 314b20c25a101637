package io.orderhub.payments.invoice;

import java.util.List;

/** E-invoices name the seller; without its settings there is none to issue. */
public class SellerNotConfigured extends RuntimeException {

    SellerNotConfigured(List<String> missing) {
        super("E-invoices need the seller's settings; not set: " + String.join(", ", missing));
    }
}
