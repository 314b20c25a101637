package io.orderhub.orders.customer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an order says about its customer. Emails are compared trimmed and lower-case: shops do not tell
 * {@code Anna@Example.org} from {@code anna@example.org}, and neither may the upsert.
 */
public record CustomerDetails(String email, String name, String phone) {

    /** The longest email address the hub stores (RFC 5321's 64 + 1 + 255, rounded as the column is). */
    public static final int EMAIL_LENGTH = 320;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public CustomerDetails {
        email = normalisedEmail(email);
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

    /** An email as the hub stores and compares it: trimmed and lower-case; null when blank. */
    public static String normalisedEmail(String email) {
        String text = blankToNull(email);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** Whether a (normalised) email is one the hub accepts: one {@code @}, no spaces, at most 320 characters. */
    public static boolean isEmailAddress(String email) {
        return email.length() <= EMAIL_LENGTH && EMAIL.matcher(email).matches();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
