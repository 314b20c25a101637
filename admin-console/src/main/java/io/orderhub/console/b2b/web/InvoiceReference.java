package io.orderhub.console.b2b.web;

import io.orderhub.console.PathIds;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The invoice an operator names when assigning a bank credit: its hub id, or its number as printed
 * ({@code RE-2026-000017}; any case, the hyphens also as spaces or left out, as the bank matching reads it).
 */
sealed interface InvoiceReference {

    Pattern NUMBER = Pattern.compile("RE[-\\s]?(\\d{4})[-\\s]?(\\d{6})", Pattern.CASE_INSENSITIVE);

    record Id(UUID id) implements InvoiceReference {}

    /** A number in its printed form, {@code RE-2026-000017}. */
    record Number(String number) implements InvoiceReference {}

    record Invalid(String problem) implements InvoiceReference {}

    static InvoiceReference parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new Invalid("Name the invoice: its number (RE-2026-000017) or its id");
        }
        String given = text.strip();
        if (PathIds.isId(given)) {
            return new Id(UUID.fromString(given));
        }
        Matcher number = NUMBER.matcher(given);
        if (number.matches()) {
            return new Number("RE-" + number.group(1) + "-" + number.group(2));
        }
        String shown = given.length() > 40 ? given.substring(0, 40) + "…" : given;
        return new Invalid("\"" + shown + "\" is neither an invoice number (RE-2026-000017) nor an id");
    }
}
