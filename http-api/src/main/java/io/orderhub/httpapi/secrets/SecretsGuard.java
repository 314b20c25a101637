package io.orderhub.httpapi.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service whose secrets are the public examples of this repository, placeholders
 * ({@code EXAMPLE}, {@code CHANGE-ME}, the local run's development values) or too short to resist guessing.
 * It runs once the configuration is read and before any bean exists, so nothing connects anywhere with such
 * a secret. The message names each setting and its variable, never a value.
 *
 * <p>Skipped with the {@code local} or {@code dev} profile, or with {@code orderhub.secrets.allow-examples=true}
 * ({@code ORDERHUB_SECRETS_ALLOW_EXAMPLES}), which the local run and the tests set.
 */
public final class SecretsGuard implements EnvironmentPostProcessor, Ordered {

    public static final String ALLOW_EXAMPLES = "orderhub.secrets.allow-examples";

    /** HMAC keys we sign or verify with: 32 characters is at least 128 bits even for hex. */
    static final int SIGNING_MINIMUM = 32;

    static final int PASSWORD_MINIMUM = 16;

    /** Plain API keys are hashed once (SHA-256, no stretching), so they must be long random strings. */
    static final int API_KEY_MINIMUM = 32;

    private static final Pattern PLACEHOLDER =
            Pattern.compile("example|change[-_]?me|orderhub[-_]local|replace[-_]with", Pattern.CASE_INSENSITIVE);

    /**
     * The public keys whose SHA-256 the repository's examples carry (.env.example, the Kubernetes example
     * overlay) and the local run's keys: a deployment that copied their hashes must not accept them.
     */
    private static final List<String> PUBLIC_API_KEYS = List.of(
            "example-woocommerce-key",
            "example-pos-key",
            "example-b2b-key",
            "example-admin-key",
            "example-admin-console-key",
            "CHANGE-ME-admin-console-key",
            "dev-woocommerce-key",
            "dev-pos-key",
            "dev-b2b-key",
            "dev-admin-key");

    private static final Set<String> PUBLIC_API_KEY_HASHES =
            PUBLIC_API_KEYS.stream().map(SecretsGuard::sha256Hex).collect(Collectors.toUnmodifiableSet());

    private static final Setting API_KEYS = new Setting("API_KEYS", "orderhub.api.keys");
    private static final Setting API_KEYS_FILE = new Setting("API_KEYS_FILE", "orderhub.api.keys-file");

    /** The key the operators' console calls the API with: a plain admin key like any API key's secret. */
    private static final Setting CONSOLE_API_KEY = new Setting("ADMIN_CONSOLE_API_KEY", "ADMIN_CONSOLE_API_KEY");

    private static final Pattern CALLBACK_SECRET = Pattern.compile("([A-Z0-9_]+_)?CALLBACK_SECRET");
    private static final Pattern DB_PASSWORD = Pattern.compile("([A-Z0-9_]+_)?DB_PASSWORD");

    /** Secrets a provider issues: refused when they are placeholders, their length is the provider's. */
    private static final List<Setting> ISSUED = List.of(
            new Setting("STRIPE_API_KEY", "orderhub.providers.stripe.api-key"),
            new Setting("BTCPAY_API_KEY", "orderhub.providers.btcpay.api-key"),
            new Setting("WOOCOMMERCE_CONSUMER_SECRET", "WOOCOMMERCE_CONSUMER_SECRET"));

    /** Signing secrets, comma-separated while a rotation overlaps. */
    private static final List<Setting> SIGNING_LISTS = List.of(
            new Setting("STRIPE_WEBHOOK_SECRET", "orderhub.webhooks.stripe.secrets"),
            new Setting("BTCPAY_WEBHOOK_SECRET", "orderhub.webhooks.btcpay.secrets"));

    @Override
    public int getOrder() {
        // After the configuration files and every other source are in place.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (examplesAllowed(environment)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new InsecureSecretsException(problems);
        }
    }

    static boolean examplesAllowed(ConfigurableEnvironment environment) {
        return environment.acceptsProfiles(Profiles.of("local | dev"))
                || Binder.get(environment).bind(ALLOW_EXAMPLES, Boolean.class).orElse(false);
    }

    /**
     * One line per refused setting, naming it and saying why; values never appear. A setting is read as
     * the property a service binds, else as the variable of the contract, so a value set either way is
     * checked, including where a service does not map the variable.
     */
    static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        String keys = value(environment, API_KEYS);
        if (keys != null) {
            checkApiKeys(API_KEYS.label(), Arrays.asList(keys.split(",")), problems);
        }
        String keysFile = value(environment, API_KEYS_FILE);
        if (keysFile != null) {
            // Unreadable: the API key configuration reports it with its own message.
            readLines(keysFile).ifPresent(lines -> checkApiKeys(API_KEYS_FILE.variable(), lines, problems));
        }
        for (Setting setting : SIGNING_LISTS) {
            String secrets = value(environment, setting);
            if (secrets != null) {
                List<String> entries = Stream.of(secrets.split(","))
                        .map(String::trim)
                        .filter(entry -> !entry.isEmpty())
                        .toList();
                for (int i = 0; i < entries.size(); i++) {
                    String label = setting.label() + (entries.size() > 1 ? " entry " + (i + 1) : "");
                    check(label, entries.get(i), SIGNING_MINIMUM, problems);
                }
            }
        }
        String consoleKey = value(environment, CONSOLE_API_KEY);
        if (consoleKey != null) {
            check(CONSOLE_API_KEY.label(), consoleKey, API_KEY_MINIMUM, problems);
        }
        for (String variable : namesMatching(environment, CALLBACK_SECRET)) {
            check(variable, value(environment, variable), SIGNING_MINIMUM, problems);
        }
        for (Setting setting : ISSUED) {
            String secret = value(environment, setting);
            if (secret != null) {
                check(setting.label(), secret, 0, problems);
            }
        }
        Set<String> passwordVariables = namesMatching(environment, DB_PASSWORD);
        for (String variable : passwordVariables) {
            check(variable, value(environment, variable), PASSWORD_MINIMUM, problems);
        }
        String password = value(environment, "spring.datasource.password");
        boolean fromAVariable = passwordVariables.stream()
                .anyMatch(variable -> password != null && password.equals(value(environment, variable)));
        if (password != null && !fromAVariable) {
            check(
                    "spring.datasource.password (the service's <SERVICE>_DB_PASSWORD is not set)",
                    password,
                    PASSWORD_MINIMUM,
                    problems);
        }
        return problems;
    }

    private static void checkApiKeys(String source, List<String> entries, List<String> problems) {
        int number = 0;
        for (String line : entries) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            number++;
            String credential = entry.split(";", 2)[0].strip();
            int colon = credential.indexOf(':');
            if (colon <= 0) {
                continue; // malformed: the API key parser refuses it with its own message
            }
            String label = source + " entry " + number + " (" + credential.substring(0, colon) + ")";
            String secret = credential.substring(colon + 1);
            if (secret.startsWith("sha256:")) {
                if (PUBLIC_API_KEY_HASHES.contains(
                        secret.substring("sha256:".length()).toLowerCase(Locale.ROOT))) {
                    problems.add(label + ": the SHA-256 of a public example key");
                }
            } else if (PUBLIC_API_KEY_HASHES.contains(sha256Hex(secret))) {
                problems.add(label + ": a public example key");
            } else {
                check(label, secret, API_KEY_MINIMUM, problems);
            }
        }
    }

    private static void check(String label, String secret, int minimum, List<String> problems) {
        if (PLACEHOLDER.matcher(secret).find()) {
            problems.add(label + ": an example or placeholder value (EXAMPLE, CHANGE-ME, the local run's)");
        } else if (secret.length() < minimum) {
            problems.add(label + ": shorter than " + minimum + " characters");
        }
    }

    private static Set<String> namesMatching(ConfigurableEnvironment environment, Pattern pattern) {
        Set<String> names = new TreeSet<>();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (pattern.matcher(name).matches() && value(environment, name) != null) {
                        names.add(name);
                    }
                }
            }
        });
        return names;
    }

    private static String value(ConfigurableEnvironment environment, Setting setting) {
        String property = value(environment, setting.property());
        return property != null ? property : value(environment, setting.variable());
    }

    private static String value(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Optional<List<String>> readLines(String file) {
        try {
            return Optional.of(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record Setting(String variable, String property) {

        String label() {
            return property.equals(variable) ? variable : variable + " (" + property + ")";
        }
    }
}
