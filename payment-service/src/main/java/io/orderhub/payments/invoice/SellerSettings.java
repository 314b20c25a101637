package io.orderhub.payments.invoice;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company running the hub, as its e-invoices name it ({@code INVOICE_SELLER_*}): name, address, VAT id, the
 * IBAN (and optionally BIC) customers transfer to, and the contact XRechnung requires (name, phone, e-mail). The
 * service starts without them; documents are refused with a 503 naming what is missing until they are set.
 */
@ConfigurationProperties("orderhub.invoice.seller")
public record SellerSettings(
        String name,
        String street,
        String postalCode,
        String city,
        String country,
        String vatId,
        String iban,
        String bic,
        String contactName,
        String phone,
        String email) {

    /** The environment variables still empty (BIC is optional). */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        require(missing, name, "INVOICE_SELLER_NAME");
        require(missing, street, "INVOICE_SELLER_STREET");
        require(missing, postalCode, "INVOICE_SELLER_POSTAL_CODE");
        require(missing, city, "INVOICE_SELLER_CITY");
        require(missing, country, "INVOICE_SELLER_COUNTRY");
        require(missing, vatId, "INVOICE_SELLER_VAT_ID");
        require(missing, iban, "INVOICE_SELLER_IBAN");
        require(missing, contactName, "INVOICE_SELLER_CONTACT_NAME");
        require(missing, phone, "INVOICE_SELLER_PHONE");
        require(missing, email, "INVOICE_SELLER_EMAIL");
        return missing;
    }

    private static void require(List<String> missing, String value, String variable) {
        if (value == null || value.isBlank()) {
            missing.add(variable);
        }
    }
}
