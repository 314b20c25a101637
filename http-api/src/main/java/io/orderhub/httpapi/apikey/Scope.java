package io.orderhub.httpapi.apikey;

import java.util.Arrays;
import java.util.Optional;

/** What a key may do. Each handler declares the scope it needs ({@link RequiresScope}). */
public enum Scope {
    ORDERS_READ("orders:read"),
    ORDERS_WRITE("orders:write"),
    PAYMENTS_READ("payments:read"),
    PAYMENTS_WRITE("payments:write"),
    CALLBACKS_READ("callbacks:read"),
    CALLBACKS_WRITE("callbacks:write");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Scope> parse(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
