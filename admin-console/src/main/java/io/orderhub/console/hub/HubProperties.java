package io.orderhub.console.hub;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console reaches the services and with which key: the edge's origin ({@code ORDERHUB_API_URL}),
 * an admin key of the services' {@code API_KEYS} ({@code ADMIN_CONSOLE_API_KEY}), and the channels whose
 * order numbers a search looks up.
 *
 * <p>{@code services} ({@code ADMIN_CONSOLE_SERVICE_URLS}, entries {@code name=url}) are the consuming
 * services' own origins, for what each answers only for itself on its own port and the edge does not route:
 * the events its consumers dead-lettered.
 */
@ConfigurationProperties("orderhub.console.hub")
public record HubProperties(URI url, String apiKey, List<String> channels, List<String> services) {

    public HubProperties {
        channels = channels == null ? List.of() : List.copyOf(channels);
        services = services == null ? List.of() : List.copyOf(services);
        serviceUrls(services);
    }

    /** The services by name, in the order configured. */
    public Map<String, URI> serviceUrls() {
        return serviceUrls(services);
    }

    private static Map<String, URI> serviceUrls(List<String> entries) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            String name = equals < 0 ? "" : entry.substring(0, equals).strip();
            URI url = equals < 0 ? null : URI.create(entry.substring(equals + 1).strip());
            if (name.isEmpty() || url == null || url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException(
                        "ADMIN_CONSOLE_SERVICE_URLS: expected name=http(s)://host:port, got '" + entry + "'");
            }
            if (urls.put(name, url) != null) {
                throw new IllegalArgumentException("ADMIN_CONSOLE_SERVICE_URLS names " + name + " twice");
            }
        }
        return Collections.unmodifiableMap(urls);
    }
}
