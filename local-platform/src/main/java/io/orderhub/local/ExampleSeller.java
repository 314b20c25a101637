package io.orderhub.local;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An example seller for the e-invoices (docs/b2b.md#e-invoices): the {@code INVOICE_SELLER_*} variables of the
 * local run and of the platform the system tests start, so their invoices have documents. Not a real company.
 */
public final class ExampleSeller {

    /** Every {@code INVOICE_SELLER_*} variable; {@code INVOICE_SELLER_BIC} (optional) is left unset. */
    public static final Map<String, String> VARIABLES = variables();

    private ExampleSeller() {}

    private static Map<String, String> variables() {
        Map<String, String> seller = new LinkedHashMap<>();
        seller.put("INVOICE_SELLER_NAME", "Order Hub Beispiel GmbH");
        seller.put("INVOICE_SELLER_STREET", "Beispielweg 5");
        seller.put("INVOICE_SELLER_POSTAL_CODE", "10115");
        seller.put("INVOICE_SELLER_CITY", "Berlin");
        seller.put("INVOICE_SELLER_COUNTRY", "DE");
        seller.put("INVOICE_SELLER_VAT_ID", "DE987654321");
        seller.put("INVOICE_SELLER_IBAN", "DE02120300000000202051");
        seller.put("INVOICE_SELLER_BIC", null);
        seller.put("INVOICE_SELLER_CONTACT_NAME", "Erika Mustermann");
        seller.put("INVOICE_SELLER_PHONE", "+49 30 1234567");
        seller.put("INVOICE_SELLER_EMAIL", "rechnung@orderhub.example");
        return Collections.unmodifiableMap(seller);
    }
}
