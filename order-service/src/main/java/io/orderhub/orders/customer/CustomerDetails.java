package io.orderhub.orders.customer;

import java.util.Locale;

/**
 * What an order says about its customer. Emails are compared trimmed and lower-case: shops do not tell
 * {@code Anna@Example.org} from {@code anna@example.org}, and neither may the upsert.
 */
public record CustomerDetails(String email, String name, String phone) {

    public CustomerDetails {
        email = blankToNull(email);
        email = email == null ? null : email.toLowerCase(Locale.ROOT);
        name = blankToNull(name);
        phone = blankToNull(phone);
    }

    public boolean isEmpty() {
        return email == null && name == null && phone == null;
    }

    /** These details, each missing one taken from {@code fallback}. */
    public CustomerDetails orElse(CustomerDetails fallback) {
        return new CustomerDetails(
                email != null ? email : fallback.email,
                name != null ? name : fallback.name,
                phone != null ? phone : fallback.phone);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
