package io.orderhub.money;

import java.util.Currency;
import java.util.Optional;

/**
 * An ISO 4217 currency the hub accepts: an upper-case code the JDK's ISO 4217 table knows, with a
 * defined number of fraction digits (EUR 2, JPY 0, KWD 3). Codes without minor units in the table
 * (XAU, XXX, ...) are not money a shop takes.
 */
public record CurrencyCode(Currency currency) {

    public static Optional<CurrencyCode> parse(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(new CurrencyCode(currency));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static CurrencyCode of(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("Not an ISO 4217 currency: " + code));
    }

    public String code() {
        return currency.getCurrencyCode();
    }

    public int fractionDigits() {
        return currency.getDefaultFractionDigits();
    }

    @Override
    public String toString() {
        return code();
    }
}
