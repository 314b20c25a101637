package io.orderhub.console.hub;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console reaches the services and with which key: the edge's origin ({@code ORDERHUB_API_URL}),
 * an admin key of the services' {@code API_KEYS} ({@code ADMIN_CONSOLE_API_KEY}), and the channels whose
 * order numbers a search looks up.
 */
@ConfigurationProperties("orderhub.console.hub")
public record HubProperties(URI url, String apiKey, List<String> channels) {

    public HubProperties {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
