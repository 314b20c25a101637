package io.orderhub.httpapi.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The guard as a service meets it: a real SpringApplication start, with the settings as the environment
 * would give them, that fails (or does not) before any bean exists.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsGuardTest {

    private static final Path ROOT =
            Path.of(System.getProperty("orderhub.root", "..")).toAbsolutePath().normalize();
    private static final Pattern SECRET_VARIABLE = Pattern.compile("[A-Z_]*(_DB_PASSWORD|SECRET|API_KEY|API_KEYS)");

    @Test
    void refusesAnExampleWebhookSecretNamingItsVariableButNeverTheValue(CapturedOutput output) {
        Throwable refused = start(Map.of("STRIPE_WEBHOOK_SECRET", "whsec_EXAMPLE"));

        assertThat(refused)
                .isInstanceOf(InsecureSecretsException.class)
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET")
                .hasMessageNotContaining("whsec_EXAMPLE");
        assertThat(output).doesNotContain("whsec_EXAMPLE");
    }

    @Test
    void refusesAChangeMePlaceholderInTheServicesProperty() {
        Throwable refused =
                start(Map.of("orderhub.webhooks.btcpay.secrets", "CHANGE-ME-btcpay-webhook-secret-0123456789"));

        assertThat(refused)
                .isInstanceOf(InsecureSecretsException.class)
                .hasMessageContaining("BTCPAY_WEBHOOK_SECRET (orderhub.webhooks.btcpay.secrets)")
                .hasMessageNotContaining("CHANGE-ME-btcpay");
    }

    @Test
    void refusesASigningSecretShorterThanThirtyTwoCharacters(CapturedOutput output) {
        String secret = "a-real-but-short-secret";

        Throwable refused =
                start(Map.of("POS_CALLBACK_URL", "https://pos.example.org/cb", "POS_CALLBACK_SECRET", secret));

        assertThat(refused)
                .isInstanceOf(InsecureSecretsException.class)
                .hasMessageContaining("POS_CALLBACK_SECRET: shorter than 32 characters")
                .hasMessageNotContaining(secret);
        assertThat(output).doesNotContain(secret);
    }

    @Test
    void refusesEveryEntryOfARotationThatIsAnExample() {
        String strong = "whsec_" + "k".repeat(40);

        Throwable refused = start(Map.of("STRIPE_WEBHOOK_SECRET", strong + ",whsec_EXAMPLE"));

        assertThat(refused)
                .isInstanceOf(InsecureSecretsException.class)
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET (orderhub.webhooks.stripe.secrets) entry 2")
                .hasMessageNotContaining("entry 1");
    }

    @Test
    void refusesThePublishedHashOfAnExampleApiKeyAndAShortPlainKey() throws IOException {
        String exampleEntry = lines(ROOT.resolve("infra/k8s/overlays/example/secrets/api-keys.example.txt"))
                .get(0);
        String hash = exampleEntry.replaceFirst("^[^:]+:sha256:([0-9a-f]{64}).*$", "$1");

        Throwable refused = start(Map.of("API_KEYS", exampleEntry + ",pos:short-pos-key-0001"));

        assertThat(refused)
                .isInstanceOf(InsecureSecretsException.class)
                .hasMessageContaining(
                        "API_KEYS (orderhub.api.keys) entry 1 (woocommerce): the SHA-256 of a public" + " example key")
                .hasMessageContaining("API_KEYS (orderhub.api.keys) entry 2 (pos): shorter than 32 characters")
                .hasMessageNotContaining(hash)
                .hasMessageNotContaining("short-pos-key-0001");
    }

    @Test
    void refusesADatabasePasswordLeftAtItsDevelopmentDefault() {
        Throwable refused = start(Map.of("spring.datasource.password", "orderhub"));

        assertThat(refused)
                .isInstanceOf(InsecureSecretsException.class)
                .hasMessageContaining("spring.datasource.password")
                .hasMessageContaining("shorter than 16 characters");
    }

    @Test
    void refusesEverySecretOfDotEnvExample() throws IOException {
        Map<String, String> settings = assignments(lines(ROOT.resolve(".env.example")));

        assertRefusesEverySecretOf(settings, start(settings));
    }

    @Test
    void refusesEverySecretOfTheKubernetesExampleOverlay() throws IOException {
        Path secrets = ROOT.resolve("infra/k8s/overlays/example/secrets");
        Map<String, String> settings = new LinkedHashMap<>();
        try (var files = Files.list(secrets)) {
            for (Path file :
                    files.filter(file -> file.toString().endsWith(".env")).toList()) {
                settings.putAll(assignments(lines(file)));
            }
        }
        settings.put("API_KEYS_FILE", secrets.resolve("api-keys.example.txt").toString());

        Throwable refused = start(settings);

        assertRefusesEverySecretOf(settings, refused);
        for (int entry = 1; entry <= 5; entry++) {
            assertThat(refused).hasMessageContaining("API_KEYS_FILE entry " + entry);
        }
    }

    @Test
    void startsWithStrongSecrets() {
        Map<String, String> strong = Map.of(
                "API_KEYS",
                "admin:sha256:" + "ab".repeat(32) + ",pos:" + "p".repeat(40),
                "STRIPE_WEBHOOK_SECRET",
                "whsec_" + "s".repeat(40),
                "BTCPAY_WEBHOOK_SECRET",
                "b".repeat(32),
                "POS_CALLBACK_SECRET",
                "c".repeat(64),
                "ORDER_DB_PASSWORD",
                "a-database-password-of-some-length",
                "STRIPE_API_KEY",
                "sk_live_" + "x".repeat(24));

        assertThat(start(strong)).isNull();
    }

    @Test
    void letsTheLocalRunAndTheTestsUseExamples() {
        Map<String, String> examples = Map.of("STRIPE_WEBHOOK_SECRET", "whsec_EXAMPLE", "CALLBACK_SECRET", "short");

        assertThat(start(examples, "--orderhub.secrets.allow-examples=true")).isNull();
        assertThat(start(with(examples, "ORDERHUB_SECRETS_ALLOW_EXAMPLES", "true")))
                .isNull();
        assertThat(start(examples, "--spring.profiles.active=local")).isNull();
        assertThat(start(examples, "--spring.profiles.active=dev")).isNull();
    }

    private static void assertRefusesEverySecretOf(Map<String, String> settings, Throwable refused) {
        Set<String> secrets = new TreeSet<>();
        settings.keySet().stream()
                .filter(name -> SECRET_VARIABLE.matcher(name).matches())
                .forEach(secrets::add);
        assertThat(secrets).isNotEmpty();
        assertThat(refused).isInstanceOf(InsecureSecretsException.class);
        for (String name : secrets) {
            assertThat(refused.getMessage()).as(name).containsPattern("(^|[ ;])" + name + "\\b");
        }
        for (String name : secrets) {
            if (!name.equals("API_KEYS_FILE")) {
                assertThat(refused.getMessage()).as(name).doesNotContain(settings.get(name));
            }
        }
    }

    /**
     * Starts an application with nothing in it and the settings as environment variables (a second
     * system-environment source, read with the same relaxed names); the test configuration's
     * allow-examples is switched off unless the settings or an argument turn it on.
     */
    private static Throwable start(Map<String, String> settings, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--spring.config.name=secrets-guard-test"));
        boolean allowing = settings.containsKey("ORDERHUB_SECRETS_ALLOW_EXAMPLES")
                || List.of(arguments).stream().anyMatch(argument -> argument.contains("allow-examples"));
        if (!allowing) {
            args.add("--orderhub.secrets.allow-examples=false");
        }
        args.addAll(List.of(arguments));
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new SystemEnvironmentPropertySource("test-systemEnvironment", new LinkedHashMap<>(settings)));
        return catchThrowable(() -> {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .environment(environment)
                    .run(args.toArray(String[]::new))) {
                assertThatCode(context::getId).doesNotThrowAnyException();
            }
        });
    }

    private static Map<String, String> with(Map<String, String> settings, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(name, value);
        return more;
    }

    private static Map<String, String> assignments(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        Pattern assignment = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.+)$");
        for (String line : lines) {
            Matcher matcher = assignment.matcher(line);
            if (matcher.matches()) {
                values.put(matcher.group(1), matcher.group(2));
            }
        }
        return values;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}
}
