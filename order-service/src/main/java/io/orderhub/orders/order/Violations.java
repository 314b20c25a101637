package io.orderhub.orders.order;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request, so one answer names them all. */
final class Violations {

    /** numeric(19,4) holds amounts below 10^15. */
    static final BigDecimal AMOUNT_LIMIT = Money.LIMIT;

    private final List<Violation> violations = new ArrayList<>();

    void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidOrderException(violations);
        }
    }

    void requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else {
            optionalText(field, value, maxLength);
        }
    }

    void optionalText(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        }
    }

    /** The currency, or null (and a violation) when it is missing or not an ISO 4217 code the hub takes. */
    CurrencyCode currency(String field, String code) {
        if (code == null || code.isBlank()) {
            add(field, "is required");
            return null;
        }
        return CurrencyCode.parse(code).orElseGet(() -> {
            add(field, "must be an ISO 4217 currency code in upper case (EUR, JPY, KWD, ...)");
            return null;
        });
    }

    /** An optional amount: not negative, no more fraction digits than the currency has, below the limit. */
    void amount(String field, BigDecimal amount, CurrencyCode currency) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            add(field, "must not be negative");
        } else if (amount.compareTo(AMOUNT_LIMIT) >= 0) {
            add(field, "must be below " + AMOUNT_LIMIT.toPlainString());
        } else if (currency != null) {
            String problem = Money.problemWith(amount, currency);
            if (problem != null) {
                add(field, problem);
            }
        } else if (amount.stripTrailingZeros().scale() > 4) {
            add(field, "has more than 4 fraction digits");
        }
    }
}
