package io.orderhub.edge;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the four services listen ({@code ORDER_SERVICE_URL}, ...) and the console ({@code ADMIN_CONSOLE_URL});
 * the platform's health is the four services' alone, the console being a tool beside them.
 */
@ConfigurationProperties("orderhub.edge")
public record EdgeProperties(
        URI orderService,
        URI paymentService,
        URI webhookGateway,
        URI callbackDispatcher,
        URI adminConsole,
        Duration healthTimeout) {

    Map<String, URI> services() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("order-service", orderService);
        services.put("payment-service", paymentService);
        services.put("webhook-gateway", webhookGateway);
        services.put("callback-dispatcher", callbackDispatcher);
        return services;
    }
}
