package io.orderhub.httpapi.apikey;

import java.util.Arrays;
import java.util.Optional;

/** What a key may do. The scope a request needs follows from its path and method (see {@link #requiredFor}). */
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

    /**
     * The scope {@code /api/v1/<resource>/...} needs: {@code <resource>:read} for GET and HEAD,
     * {@code <resource>:write} for everything else; empty for a path outside the three resources.
     */
    public static Optional<Scope> requiredFor(String method, String path) {
        String[] segments = path.split("/");
        if (segments.length < 4 || !"api".equals(segments[1]) || !"v1".equals(segments[2])) {
            return Optional.empty();
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return switch (segments[3]) {
            case "orders" -> Optional.of(read ? ORDERS_READ : ORDERS_WRITE);
            case "payments" -> Optional.of(read ? PAYMENTS_READ : PAYMENTS_WRITE);
            case "callbacks" -> Optional.of(read ? CALLBACKS_READ : CALLBACKS_WRITE);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
