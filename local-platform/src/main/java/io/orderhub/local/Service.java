package io.orderhub.local;

import java.nio.file.Path;

/** The deployables of the platform: where each one's executable jar is built and its default port. */
public enum Service {
    ORDER_SERVICE("order-service", "order-service", 1, true),
    PAYMENT_SERVICE("payment-service", "payment-service", 2, true),
    WEBHOOK_GATEWAY("webhook-gateway", "webhook-gateway", 3, false),
    CALLBACK_DISPATCHER("callback-dispatcher", "callback-dispatcher", 4, true),
    EDGE("edge", "infra/edge", 0, false),
    /** The operators' console behind the edge at /admin; started only where asked ({@code Builder.also}). */
    ADMIN_CONSOLE("admin-console", "admin-console", 5, false);

    private final String serviceName;
    private final String module;
    private final int portOffset;
    private final boolean ownsDatabase;

    Service(String serviceName, String module, int portOffset, boolean ownsDatabase) {
        this.serviceName = serviceName;
        this.module = module;
        this.portOffset = portOffset;
        this.ownsDatabase = ownsDatabase;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The executable jar the module's build writes ({@code <module>/target/<name>.jar}). */
    public Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve(serviceName + ".jar");
    }

    /** Services listen on the origin's port plus a fixed offset: 8081 to 8084 behind 8080, the console 8085. */
    public int port(int httpPort) {
        return httpPort + portOffset;
    }

    public boolean ownsDatabase() {
        return ownsDatabase;
    }

    /** The prefix of the service's own database variables (ORDER_DB_URL, ...), or null. */
    public String databasePrefix() {
        return switch (this) {
            case ORDER_SERVICE -> "ORDER";
            case PAYMENT_SERVICE -> "PAYMENT";
            case CALLBACK_DISPATCHER -> "CALLBACK";
            default -> null;
        };
    }

    /** Consumes Kafka events, so answers for its consumers' dead letters on its own port. */
    public boolean consumesEvents() {
        return this == ORDER_SERVICE || this == PAYMENT_SERVICE || this == CALLBACK_DISPATCHER;
    }

    public static Service[] backends() {
        return new Service[] {ORDER_SERVICE, PAYMENT_SERVICE, WEBHOOK_GATEWAY, CALLBACK_DISPATCHER};
    }
}
