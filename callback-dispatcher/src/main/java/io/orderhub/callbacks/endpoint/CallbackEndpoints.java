package io.orderhub.callbacks.endpoint;

import io.orderhub.callbacks.CallbackProperties;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * The configured endpoints. Any channel {@code X} is configured by {@code X_CALLBACK_URL}, so the names are
 * discovered by scanning the environment (and, in tests, properties of the same names) rather than listed.
 *
 * <p>Each channel signs with its own secret: a channel that knows the secret another channel's callbacks are
 * signed with could forge them (a partner signing "paid" for the shop). So {@code CALLBACK_SECRET} stands in
 * only while exactly one channel signs, and two channels never share a secret; otherwise the service does
 * not start.
 */
@Component
public class CallbackEndpoints {

    private static final Logger log = LoggerFactory.getLogger(CallbackEndpoints.class);
    private static final Pattern URL_VARIABLE = Pattern.compile("([A-Z0-9_]+)_CALLBACK_URL");
    private static final String SECRET_SUFFIX = "_CALLBACK_SECRET";

    private final Map<String, Endpoint> byName;

    CallbackEndpoints(ConfigurableEnvironment environment, CallbackProperties properties) {
        this.byName = Collections.unmodifiableMap(read(environment, properties));
        byName.values()
                .forEach(endpoint -> endpoint.misconfiguration()
                        .ifPresentOrElse(
                                problem -> log.error(
                                        "Callbacks to {} cannot be sent until this is fixed: {}",
                                        endpoint.name(),
                                        problem),
                                () -> log.info(
                                        "Callbacks to {} go to {} ({})",
                                        endpoint.name(),
                                        endpoint.url(),
                                        endpoint.format().label())));
    }

    /** The endpoint of the channel that owns an order ({@code order.source}), if one is configured. */
    public Optional<Endpoint> forSource(String source) {
        return Optional.ofNullable(byName.get(Endpoint.nameFor(source)));
    }

    public Optional<Endpoint> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Endpoint> all() {
        return byName.values();
    }

    static Map<String, Endpoint> read(ConfigurableEnvironment environment, CallbackProperties properties) {
        String mode = properties.woocommerceMode().trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("hub") && !mode.equals("rest")) {
            throw new IllegalStateException("WOOCOMMERCE_CALLBACK_MODE must be hub or rest, not " + mode);
        }
        Map<String, Endpoint> endpoints = new TreeMap<>();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String property : enumerable.getPropertyNames()) {
                    Matcher matcher = URL_VARIABLE.matcher(property);
                    if (matcher.matches()) {
                        String name = matcher.group(1);
                        String url = value(environment, property);
                        if (url != null && !(name.equals(Endpoint.WOOCOMMERCE) && mode.equals("rest"))) {
                            endpoints.put(
                                    name,
                                    new Endpoint(name, url, EndpointFormat.HUB, secret(environment, name), null, null));
                        }
                    }
                }
            }
        });
        if (mode.equals("rest")) {
            endpoints.put(
                    Endpoint.WOOCOMMERCE,
                    new Endpoint(
                            Endpoint.WOOCOMMERCE,
                            value(environment, "WOOCOMMERCE_URL"),
                            EndpointFormat.WOOCOMMERCE_REST,
                            null,
                            value(environment, "WOOCOMMERCE_CONSUMER_KEY"),
                            value(environment, "WOOCOMMERCE_CONSUMER_SECRET")));
        }
        refuseSharedSecrets(environment, endpoints.values());
        return endpoints;
    }

    /** Names variables only: the message ends up in the start-up log, a secret must not. */
    private static void refuseSharedSecrets(ConfigurableEnvironment environment, Collection<Endpoint> endpoints) {
        List<Endpoint> signing = endpoints.stream()
                .filter(endpoint -> endpoint.format() == EndpointFormat.HUB)
                .toList();
        if (signing.size() < 2) {
            return;
        }
        List<String> missing = signing.stream()
                .map(endpoint -> endpoint.name() + SECRET_SUFFIX)
                .filter(variable -> value(environment, variable) == null)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(signing.size() + " callback channels are configured, so each must sign"
                    + " with its own secret and CALLBACK_SECRET stands in for none of them: set "
                    + String.join(", ", missing));
        }
        Map<String, String> variableBySecret = new HashMap<>();
        for (Endpoint endpoint : signing) {
            String variable = endpoint.name() + SECRET_SUFFIX;
            String other = variableBySecret.putIfAbsent(endpoint.secret(), variable);
            if (other != null) {
                throw new IllegalStateException(other + " and " + variable + " hold the same secret: each callback"
                        + " channel must sign with its own, or one channel could forge the other's callbacks");
            }
        }
    }

    private static String secret(ConfigurableEnvironment environment, String name) {
        String own = value(environment, name + SECRET_SUFFIX);
        return own != null ? own : value(environment, "CALLBACK_SECRET");
    }

    private static String value(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
