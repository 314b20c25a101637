package io.orderhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.ProductionImages;
import io.orderhub.testsupport.RequiresTools;
import io.orderhub.testsupport.RequiresTools.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production shape as the real tools read it, with no Docker engine or cluster: Debian's
 * docker-compose 1.29 renders the compose files, dclint validates them against the Compose Specification
 * schema that Compose v2 reads, and kubectl kustomize renders infra/k8s (the base, which holds no secret, and
 * the example overlay, which adds the public example secrets). Each test then asserts on what
 * those tools produced. Without one of the tools the class is skipped with how to install it; .ci/run
 * installs them and sets ORDERHUB_REQUIRE_TOOLS=true, which turns the skip into a failure.
 */
@RequiresTools({Tool.DOCKER_COMPOSE, Tool.DCLINT, Tool.KUBECTL})
class ProductionShapeTest {

    private static final List<String> SERVICES =
            List.of("order-service", "payment-service", "webhook-gateway", "callback-dispatcher");
    /** The operators' console: behind the edge, no database, Kafka to describe only, its own admin key. */
    private static final String CONSOLE = "admin-console";

    private static final List<String> ORDERHUB_IMAGES =
            Stream.concat(SERVICES.stream(), Stream.of("edge", CONSOLE)).toList();
    private static final Set<String> PLATFORM = Set.of("postgres", "kafka", "schema-registry");
    private static final Set<String> STATELESS = Set.of("edge", "webhook-gateway");
    private static final List<String> KAFKA_SETTINGS = List.of(
            "KAFKA_BOOTSTRAP_SERVERS",
            "SCHEMA_REGISTRY_URL",
            "KAFKA_TOPIC_PARTITIONS",
            "KAFKA_TOPIC_REPLICATION_FACTOR");
    private static final List<String> API_KEY_SETTINGS = List.of("API_KEYS", "API_KEYS_FILE", "RATE_LIMIT");
    private static final String ALLOW_EXAMPLES = "ORDERHUB_SECRETS_ALLOW_EXAMPLES";
    /** The Secrets the base refers to and production supplies (infra/k8s/base/kustomization.yaml). */
    private static final Set<String> SUPPLIED_SECRETS = Set.of(
            "order-service-secrets",
            "payment-service-secrets",
            "webhook-gateway-secrets",
            "callback-dispatcher-secrets",
            "schema-registry-secrets",
            "admin-console-secrets",
            "orderhub-api-keys");

    /** ARCHITECTURE.md (Configuration) and README.md: which service reads which variable. */
    private static final Map<String, List<String>> CONTRACT = Map.of(
            "order-service",
            concat(KAFKA_SETTINGS, API_KEY_SETTINGS, List.of("ORDER_DB_URL", "ORDER_DB_USER", "ORDER_DB_PASSWORD")),
            "payment-service",
            concat(
                    KAFKA_SETTINGS,
                    API_KEY_SETTINGS,
                    List.of(
                            "PAYMENT_DB_URL",
                            "PAYMENT_DB_USER",
                            "PAYMENT_DB_PASSWORD",
                            "STRIPE_API_KEY",
                            "STRIPE_API_BASE",
                            "BTCPAY_URL",
                            "BTCPAY_API_KEY",
                            "BTCPAY_STORE_ID",
                            "PAYMENT_REPAIR_AFTER",
                            "AUTO_REFUND_CANCELLED",
                            "RECONCILIATION_SCHEDULE")),
            "webhook-gateway",
            concat(KAFKA_SETTINGS, List.of("STRIPE_WEBHOOK_SECRET", "BTCPAY_WEBHOOK_SECRET")),
            "callback-dispatcher",
            concat(
                    KAFKA_SETTINGS,
                    API_KEY_SETTINGS,
                    List.of(
                            "CALLBACK_DB_URL",
                            "CALLBACK_DB_USER",
                            "CALLBACK_DB_PASSWORD",
                            "WOOCOMMERCE_CALLBACK_URL",
                            "WOOCOMMERCE_CALLBACK_SECRET",
                            "POS_CALLBACK_URL",
                            "POS_CALLBACK_SECRET",
                            "B2B_CALLBACK_URL",
                            "B2B_CALLBACK_SECRET",
                            "CALLBACK_SECRET",
                            "WOOCOMMERCE_CALLBACK_MODE",
                            "WOOCOMMERCE_URL",
                            "WOOCOMMERCE_CONSUMER_KEY",
                            "WOOCOMMERCE_CONSUMER_SECRET",
                            "CALLBACK_RETRY_SCHEDULE",
                            "CALLBACK_REQUIRE_HTTPS",
                            "CALLBACK_ALLOW_PRIVATE_NETWORKS")),
            "edge",
            List.of(
                    "ORDER_SERVICE_URL",
                    "PAYMENT_SERVICE_URL",
                    "WEBHOOK_GATEWAY_URL",
                    "CALLBACK_DISPATCHER_URL",
                    "ADMIN_CONSOLE_URL"),
            CONSOLE,
            List.of(
                    "ORDERHUB_API_URL",
                    "ADMIN_CONSOLE_SERVICE_URLS",
                    "ADMIN_CONSOLE_API_KEY",
                    "ADMIN_USERS",
                    "ADMIN_SESSION_IDLE",
                    "ADMIN_SESSION_COOKIE_SECURE"));

    /** Secrets that exactly one service may hold. */
    private static final Map<String, String> SECRET_OWNERS = Map.ofEntries(
            Map.entry("ORDER_DB_PASSWORD", "order-service"),
            Map.entry("PAYMENT_DB_PASSWORD", "payment-service"),
            Map.entry("CALLBACK_DB_PASSWORD", "callback-dispatcher"),
            Map.entry("STRIPE_API_KEY", "payment-service"),
            Map.entry("BTCPAY_API_KEY", "payment-service"),
            Map.entry("STRIPE_WEBHOOK_SECRET", "webhook-gateway"),
            Map.entry("BTCPAY_WEBHOOK_SECRET", "webhook-gateway"),
            Map.entry("CALLBACK_SECRET", "callback-dispatcher"),
            Map.entry("WOOCOMMERCE_CONSUMER_SECRET", "callback-dispatcher"),
            Map.entry("ADMIN_CONSOLE_API_KEY", CONSOLE),
            Map.entry("ADMIN_USERS", CONSOLE));

    /** The labels Strimzi gives the brokers of the cluster orderhub, and CloudNativePG the PostgreSQL instances. */
    private static final Map<String, Object> KAFKA_BROKER =
            Map.of("strimzi.io/cluster", "orderhub", "strimzi.io/kind", "Kafka", "strimzi.io/name", "orderhub-kafka");

    private static final Map<String, Object> POSTGRES_INSTANCE =
            Map.of("cnpg.io/cluster", "orderhub-postgres", "cnpg.io/instanceRole", "primary");

    private static final Map<String, Object> OWN_NAMESPACE = Map.of("kubernetes.io/metadata.name", "orderhub");

    private static Path root;
    private static String version;
    private static Map<String, Map<String, Object>> compose;
    private static Map<String, Object> composeNetworks;
    private static Map<String, Map<String, Object>> composeDev;
    private static Map<String, Object> composeDevNetworks;
    private static Map<String, Map<String, Object>> composeTls;
    /** The example overlay: the base plus the public example secrets, as one would try it out. */
    private static List<Map<String, Object>> kubernetes;

    private static String kubernetesBase;

    @BeforeAll
    static void renderWithTheRealTools() {
        root = Path.of(System.getProperty("orderhub.root", ".."))
                .toAbsolutePath()
                .normalize();
        version = projectVersion();
        Map<String, Object> composeModel = dockerCompose("docker-compose.yml");
        compose = services(composeModel);
        composeNetworks = map(composeModel.get("networks"));
        Map<String, Object> composeDevModel = dockerCompose("docker-compose.yml", "docker-compose.dev.yml");
        composeDev = services(composeDevModel);
        composeDevNetworks = map(composeDevModel.get("networks"));
        composeTls = services(dockerCompose("docker-compose.yml", "infra/compose/tls.yml"));
        kubernetesBase = kustomize("infra/k8s/base");
        kubernetes = yamlDocuments(kustomize("infra/k8s/overlays/example"));
    }

    // ---- docker-compose -------------------------------------------------------------------------------

    @Test
    void composeRunsThePlatformTheFourServicesTheEdgeAndTheConsole() {
        assertThat(compose.keySet())
                .containsExactlyInAnyOrderElementsOf(concat(List.copyOf(PLATFORM), SERVICES, List.of("edge", CONSOLE)));
    }

    @Test
    void everyComposeContainerRestartsAndReportsItsHealth() {
        compose.forEach((name, service) -> {
            assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
            List<?> test = (List<?>) map(service.get("healthcheck")).get("test");
            assertThat(test).as(name + " health check").isNotEmpty();
        });
        for (String name : ORDERHUB_IMAGES) {
            assertThat(String.join(
                            " ",
                            strings(map(compose.get(name).get("healthcheck")).get("test"))))
                    .as(name)
                    .contains("/actuator/health/readiness");
        }
    }

    @Test
    void stateIsKeptInNamedVolumes() {
        assertThat(volumeSources("postgres")).contains("postgres-data");
        assertThat(volumeSources("kafka")).contains("kafka-data");
    }

    @Test
    void onlyTheEdgePublishesAPort() {
        compose.forEach((name, service) -> {
            if (name.equals("edge")) {
                assertThat(publishedPorts(service)).containsExactly("8080");
            } else {
                assertThat(service.get("ports")).as(name).isNull();
            }
        });
    }

    @Test
    void databaseBrokerAndRegistryAreOnlyOnInternalNetworksWhichTheEdgeDoesNotJoin() {
        Set<String> platformNetworks = new TreeSet<>();
        for (String name : PLATFORM) {
            assertThat(networks(compose, name))
                    .as(name)
                    .isNotEmpty()
                    .allMatch(network -> internal(composeNetworks, network));
            platformNetworks.addAll(networks(compose, name));
        }
        assertThat(networks(compose, "edge")).doesNotContainAnyElementsOf(platformNetworks);
        Set<String> edgeInternalNetworks = networks(compose, "edge").stream()
                .filter(network -> internal(composeNetworks, network))
                .collect(Collectors.toSet());
        for (String name : SERVICES) {
            assertThat(networks(compose, name))
                    .as(name)
                    .containsAnyElementsOf(platformNetworks)
                    .containsAnyElementsOf(edgeInternalNetworks);
        }
    }

    @Test
    void onlyTheEdgeAndTheServicesCallingProvidersOrChannelsHaveARouteOut() {
        Set<String> routedOut = compose.keySet().stream()
                .filter(name ->
                        networks(compose, name).stream().anyMatch(network -> !internal(composeNetworks, network)))
                .collect(Collectors.toSet());
        assertThat(routedOut).containsExactlyInAnyOrder("edge", "payment-service", "callback-dispatcher");
    }

    @Test
    void composeRunsTheImagesTheImagesProfileBuildsAndTheTestedPlatformImages() {
        for (String name : ORDERHUB_IMAGES) {
            assertThat(compose.get(name).get("image")).as(name).isEqualTo("orderhub/" + name + ":" + version);
        }
        assertThat(compose.get("kafka").get("image")).isEqualTo(ProductionImages.KAFKA_IMAGE);
        assertThat(compose.get("postgres").get("image")).isEqualTo(ProductionImages.POSTGRES_IMAGE);
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        for (String name : List.of("order-service", "payment-service", "callback-dispatcher")) {
            assertThat(dependencies(name))
                    .containsEntry("postgres", "service_healthy")
                    .containsEntry("kafka", "service_healthy")
                    .containsEntry("schema-registry", "service_healthy");
        }
        assertThat(dependencies("webhook-gateway"))
                .containsEntry("kafka", "service_healthy")
                .containsEntry("schema-registry", "service_healthy")
                .doesNotContainKey("postgres");
        assertThat(dependencies("schema-registry")).containsEntry("postgres", "service_healthy");
    }

    @Test
    void everyContractVariableReachesTheServiceThatReadsIt() {
        CONTRACT.forEach((name, variables) ->
                assertThat(environment(compose, name).keySet()).as(name).containsAll(variables));
    }

    @Test
    void secretsReachOnlyTheServiceThatNeedsThem() {
        SECRET_OWNERS.forEach((secret, owner) -> {
            for (String name : ORDERHUB_IMAGES) {
                if (!name.equals(owner)) {
                    assertThat(environment(compose, name)).as(name).doesNotContainKey(secret);
                }
            }
        });
    }

    @Test
    void optionalSettingsAreNotPassedWhenUnsetSoServicesKeepTheirDefaults() {
        // A bare name in compose passes the variable only when it is set: an empty string would replace
        // the service's default (e.g. STRIPE_API_BASE, CALLBACK_REQUIRE_HTTPS).
        Map<String, Object> payment = environment(compose, "payment-service");
        assertThat(payment).containsEntry("STRIPE_API_BASE", null).containsEntry("API_KEYS_FILE", null);
        assertThat(environment(compose, "callback-dispatcher")).containsEntry("CALLBACK_REQUIRE_HTTPS", null);
    }

    @Test
    void envExampleDeclaresEveryVariableTheComposeFilesReadAndNoOther() {
        Set<String> declared = envExampleVariables();
        Set<String> read = new TreeSet<>();
        for (String file : List.of("docker-compose.yml", "docker-compose.dev.yml", "infra/compose/tls.yml")) {
            read.addAll(variablesReadBy(root.resolve(file)));
        }
        read.add("COMPOSE_PROJECT_NAME");
        assertThat(declared).containsExactlyInAnyOrderElementsOf(read);
    }

    @Test
    void secretsHaveNoDefaultInAnyComposeFile() {
        Pattern secret = Pattern.compile("\\$\\{([A-Z_]*(PASSWORD|SECRET|API_KEY|API_KEYS))([^}]*)}");
        for (String file : List.of("docker-compose.yml", "docker-compose.dev.yml", "infra/compose/tls.yml")) {
            Matcher matcher = secret.matcher(read(root.resolve(file)));
            while (matcher.find()) {
                assertThat(matcher.group(3)).as(file + ": " + matcher.group()).startsWith(":?");
            }
        }
        for (String name : ORDERHUB_IMAGES) {
            environment(compose, name).forEach((variable, value) -> {
                if (variable.matches("[A-Z_]*(PASSWORD|SECRET|API_KEY|API_KEYS)")) {
                    assertThat(value)
                            .as(name + " " + variable + " comes from .env, never from a compose file")
                            .isEqualTo(envExample().get(variable));
                }
            });
        }
    }

    @Test
    void onlyTheDevelopmentOverridesLetServicesStartWithTheExampleSecrets() {
        for (String name : SERVICES) {
            assertThat(environment(compose, name)).as(name).doesNotContainKey(ALLOW_EXAMPLES);
            assertThat(environment(composeTls, name)).as(name).doesNotContainKey(ALLOW_EXAMPLES);
            assertThat(environment(composeDev, name)).as(name).containsEntry(ALLOW_EXAMPLES, "true");
        }
    }

    @Test
    void refusesToRenderWithoutTheSecretsInsteadOfUsingDefaults() throws IOException {
        Path empty = Files.createTempFile("orderhub-empty", ".env");
        try {
            Result result = run(dockerComposeCommand(empty, "docker-compose.yml"));
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr()).containsPattern("set [A-Z_]+PASSWORD in .env");
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void developmentOverridesPublishOnLoopbackOnlyAndRelaxCallbacks() {
        composeDev.forEach((name, service) -> {
            List<Map<String, Object>> ports = ports(service);
            for (Map<String, Object> port : ports) {
                boolean origin = name.equals("edge") && "8080".equals(String.valueOf(port.get("target")));
                if (!origin) {
                    assertThat(port.get("host_ip")).as(name + " " + port).isEqualTo("127.0.0.1");
                }
            }
        });
        // Docker publishes no port of a container that is only on internal networks.
        composeDev.forEach((name, service) -> {
            if (!ports(service).isEmpty()) {
                assertThat(networks(composeDev, name))
                        .as(name)
                        .anyMatch(network -> !internal(composeDevNetworks, network));
            }
        });
        assertThat(environment(composeDev, "callback-dispatcher"))
                .containsEntry("CALLBACK_REQUIRE_HTTPS", "false")
                .containsEntry("CALLBACK_ALLOW_PRIVATE_NETWORKS", "true");
        assertThat(environment(composeDev, "order-service").get("JAVA_TOOL_OPTIONS"))
                .asString()
                .contains("jdwp");
    }

    @Test
    void tlsOverrideServesTheOriginFromMountedPemFilesAndKeepsTheActuatorOnHttp() {
        Map<String, Object> edge = environment(composeTls, "edge");
        assertThat(edge)
                .containsEntry("SERVER_SSL_BUNDLE", "origin")
                .containsEntry("SPRING_SSL_BUNDLE_PEM_ORIGIN_RELOAD_ON_UPDATE", "true")
                .containsEntry("MANAGEMENT_SERVER_SSL_ENABLED", "false");
        assertThat(String.valueOf(edge.get("SPRING_SSL_BUNDLE_PEM_ORIGIN_KEYSTORE_CERTIFICATE")))
                .startsWith("/etc/orderhub/tls/");
        assertThat(composeTls.get("edge").get("volumes").toString()).contains("/etc/orderhub/tls");
    }

    @Test
    void composeFilesFollowTheComposeSpecificationThatComposeV2Reads() {
        Result lint = run(List.of(
                "dclint",
                "--no-color",
                "-c",
                "infra/compose/dclint.yml",
                "--max-warnings",
                "0",
                "docker-compose.yml",
                "docker-compose.dev.yml",
                "infra/compose/tls.yml"));
        assertThat(lint.exitCode()).as(lint.stdout() + lint.stderr()).isZero();
    }

    // ---- Kubernetes -----------------------------------------------------------------------------------

    @Test
    void kubernetesRunsTheFourServicesTheEdgeTheConsoleAndTheRegistryWithProbesAndResources() {
        assertThat(names("Deployment"))
                .containsExactlyInAnyOrderElementsOf(concat(ORDERHUB_IMAGES, List.of("schema-registry")));
        for (Map<String, Object> deployment : kinds("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String name = name(deployment);
                assertThat(container).as(name).containsKeys("readinessProbe", "livenessProbe", "startupProbe");
                Map<String, Object> resources = map(container.get("resources"));
                assertThat(map(resources.get("requests"))).as(name).containsKeys("cpu", "memory");
                assertThat(map(resources.get("limits"))).as(name).containsKey("memory");
            }
        }
        for (String name : ORDERHUB_IMAGES) {
            Map<String, Object> container = containers(kind("Deployment", name)).get(0);
            assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(container.get("image")).isEqualTo("orderhub/" + name + ":" + version);
        }
    }

    @Test
    void podsRunAsNonRootWithoutPrivilegeEscalationOrCapabilities() {
        for (Map<String, Object> deployment : kinds("Deployment")) {
            Map<String, Object> pod = podSpec(deployment);
            assertThat(path(pod, "securityContext", "runAsNonRoot"))
                    .as(name(deployment))
                    .isEqualTo(true);
            assertThat(pod.get("automountServiceAccountToken"))
                    .as(name(deployment))
                    .isEqualTo(false);
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, Object> security = map(container.get("securityContext"));
                assertThat(security.get("allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(path(security, "capabilities", "drop")).isEqualTo(List.of("ALL"));
            }
        }
        for (String name : ORDERHUB_IMAGES) {
            Map<String, Object> container = containers(kind("Deployment", name)).get(0);
            assertThat(path(container, "securityContext", "readOnlyRootFilesystem"))
                    .as(name)
                    .isEqualTo(true);
        }
    }

    @Test
    void onlyTheStatelessDeploymentsAutoscaleOnCpu() {
        List<Map<String, Object>> autoscalers = kinds("HorizontalPodAutoscaler");
        assertThat(autoscalers)
                .extracting(hpa -> path(hpa, "spec", "scaleTargetRef", "name"))
                .containsExactlyInAnyOrderElementsOf(STATELESS);
        for (Map<String, Object> hpa : autoscalers) {
            assertThat((Integer) path(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        }
        for (String name : List.of("order-service", "payment-service", "callback-dispatcher")) {
            int replicas = (Integer) path(kind("Deployment", name), "spec", "replicas");
            assertThat(replicas).as(name).isBetween(2, topicPartitions());
        }
    }

    @Test
    void everyDeploymentHasADisruptionBudgetSelectingItsPods() {
        for (Map<String, Object> deployment : kinds("Deployment")) {
            Map<String, Object> budget = kind("PodDisruptionBudget", name(deployment));
            assertThat(path(budget, "spec", "selector", "matchLabels"))
                    .isEqualTo(path(deployment, "spec", "selector", "matchLabels"));
        }
    }

    @Test
    void servicesSelectTheirPodsAndTargetPortsTheContainersName() {
        for (Map<String, Object> service : kinds("Service")) {
            Map<String, Object> deployment = kind("Deployment", name(service));
            Map<String, Object> podLabels = map(path(deployment, "spec", "template", "metadata", "labels"));
            assertThat(podLabels).containsAllEntriesOf(map(path(service, "spec", "selector")));
            Set<Object> containerPorts = containers(deployment).stream()
                    .flatMap(container -> maps(container.get("ports")).stream())
                    .map(port -> port.get("name"))
                    .collect(Collectors.toSet());
            for (Map<String, Object> port : maps(path(service, "spec", "ports"))) {
                assertThat(containerPorts).as(name(service)).contains(port.get("targetPort"));
            }
        }
    }

    @Test
    void podsGetTheirContractVariablesFromRenderedConfigMapsAndSecrets() {
        Map<String, List<String>> required = Map.of(
                "order-service",
                concat(KAFKA_SETTINGS, List.of("ORDER_DB_URL", "ORDER_DB_USER", "ORDER_DB_PASSWORD")),
                "payment-service",
                concat(
                        KAFKA_SETTINGS,
                        List.of(
                                "PAYMENT_DB_URL",
                                "PAYMENT_DB_USER",
                                "PAYMENT_DB_PASSWORD",
                                "STRIPE_API_KEY",
                                "BTCPAY_URL",
                                "BTCPAY_API_KEY",
                                "BTCPAY_STORE_ID")),
                "webhook-gateway",
                concat(KAFKA_SETTINGS, List.of("STRIPE_WEBHOOK_SECRET", "BTCPAY_WEBHOOK_SECRET")),
                "callback-dispatcher",
                concat(
                        KAFKA_SETTINGS,
                        List.of(
                                "CALLBACK_DB_URL",
                                "CALLBACK_DB_USER",
                                "CALLBACK_DB_PASSWORD",
                                "WOOCOMMERCE_CALLBACK_SECRET")),
                "edge",
                CONTRACT.get("edge"),
                CONSOLE,
                List.of("ORDERHUB_API_URL", "ADMIN_CONSOLE_API_KEY", "ADMIN_USERS"));
        required.forEach(
                (name, variables) -> assertThat(podVariables(name)).as(name).containsAll(variables));
        for (String name : List.of("order-service", "payment-service", "callback-dispatcher")) {
            assertThat(podVariables(name)).as(name).contains("API_KEYS_FILE");
            assertThat(mountedSecrets(name)).as(name).anyMatch(secret -> secret.startsWith("orderhub-api-keys"));
        }
        SECRET_OWNERS.forEach((secret, owner) -> {
            for (String name : ORDERHUB_IMAGES) {
                if (!name.equals(owner)) {
                    assertThat(podVariables(name)).as(name).doesNotContain(secret);
                }
            }
        });
    }

    @Test
    void theBaseDefinesNoSecretAndCarriesNoExampleValue() throws IOException {
        List<Map<String, Object>> base = yamlDocuments(kubernetesBase);
        assertThat(base).extracting(resource -> resource.get("kind")).doesNotContain("Secret");
        assertThat(kubernetesBase)
                .doesNotContain("EXAMPLE")
                .doesNotContainIgnoringCase("example-")
                .doesNotContain(ALLOW_EXAMPLES);
        for (String line : lines(root.resolve("infra/k8s/overlays/example/secrets/api-keys.example.txt"))) {
            String hash = line.replaceFirst("^[^:]+:sha256:([0-9a-f]{64}).*$", "$1");
            assertThat(kubernetesBase).as("an example API key hash").doesNotContain(hash);
        }
        Set<String> referenced = new TreeSet<>();
        for (Map<String, Object> deployment : base.stream()
                .filter(resource -> "Deployment".equals(resource.get("kind")))
                .toList()) {
            for (Map<String, Object> container : containers(deployment)) {
                maps(container.get("envFrom")).stream()
                        .filter(source -> source.containsKey("secretRef"))
                        .forEach(source -> referenced.add(String.valueOf(path(source, "secretRef", "name"))));
            }
            maps(podSpec(deployment).get("volumes")).stream()
                    .filter(volume -> volume.containsKey("secret"))
                    .map(volume -> String.valueOf(path(volume, "secret", "secretName")))
                    .filter(secret -> !secret.equals("orderhub-tls"))
                    .forEach(referenced::add);
        }
        assertThat(referenced).containsExactlyInAnyOrderElementsOf(SUPPLIED_SECRETS);
    }

    @Test
    void theExampleOverlaySuppliesEverySecretAndAloneAllowsExampleValues() {
        assertThat(names("Secret"))
                .hasSameSizeAs(SUPPLIED_SECRETS)
                .allSatisfy(name -> assertThat(SUPPLIED_SECRETS).anyMatch(name::startsWith));
        assertThat(configMap("orderhub-config")).containsEntry(ALLOW_EXAMPLES, "true");
    }

    @Test
    void exampleSecretsAreMarkedAsExamples() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("infra/k8s/overlays/example/secrets"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .isNotEmpty()
                    .allMatch(file -> file.contains(".example."));
        }
        for (Map<String, Object> secret : kinds("Secret")) {
            assertThat(map(secret.get("data"))).as(name(secret)).isNotEmpty();
        }
    }

    @Test
    void ingressServesTheOriginThroughTheEdgeWithTlsAndABodyLimitAboveOneMebibyte() {
        List<Map<String, Object>> ingresses = kinds("Ingress");
        assertThat(ingresses).hasSize(1);
        Map<String, Object> ingress = ingresses.get(0);
        assertThat(maps(path(ingress, "spec", "tls"))).isNotEmpty();
        List<Map<String, Object>> paths = new ArrayList<>();
        for (Map<String, Object> rule : maps(path(ingress, "spec", "rules"))) {
            paths.addAll(maps(path(rule, "http", "paths")));
        }
        assertThat(paths).extracting(p -> p.get("path")).containsExactlyInAnyOrder("/api/v1", "/health");
        assertThat(paths).extracting(p -> path(p, "backend", "service", "name")).containsOnly("edge");
        String bodySize = String.valueOf(
                map(path(ingress, "metadata", "annotations")).get("nginx.ingress.kubernetes.io/proxy-body-size"));
        assertThat(bytes(bodySize)).isGreaterThan(1024 * 1024);
    }

    @Test
    void kafkaTopicsDeclareEveryContractTopicAndItsDeadLetterTopicAsTheServicesWouldCreateThem() {
        List<Map<String, Object>> topics = kinds("KafkaTopic");
        assertThat(topics)
                .extracting(topic -> path(topic, "spec", "topicName"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventTopic.values())
                        .flatMap(topic -> Stream.of(topic.topicName(), topic.topicName() + ".DLT"))
                        .toList());
        Map<String, Object> config = configMap("orderhub-config");
        for (Map<String, Object> topic : topics) {
            assertThat(path(topic, "spec", "partitions")).isEqualTo(topicPartitions());
            assertThat(String.valueOf(path(topic, "spec", "replicas")))
                    .isEqualTo(config.get("KAFKA_TOPIC_REPLICATION_FACTOR"));
            int minInSync = (Integer) path(topic, "spec", "config", "min.insync.replicas");
            assertThat(minInSync).isGreaterThan(1).isLessThan((Integer) path(topic, "spec", "replicas"));
        }
    }

    @Test
    void alertRulesFireOnEveryDeadLetteredEvent() {
        Map<String, Object> rules = yamlDocuments(read(root.resolve("infra/prometheus/orderhub-alerts.yml")))
                .get(0);
        List<Map<String, Object>> deadLettered = maps(path(rules, "groups")).stream()
                .flatMap(group -> maps(group.get("rules")).stream())
                .filter(rule -> "OrderhubEventDeadLettered".equals(rule.get("alert")))
                .toList();
        assertThat(deadLettered).singleElement().satisfies(rule -> {
            // The Prometheus name of the messaging module's counter orderhub.events.dead.lettered{topic}.
            assertThat(String.valueOf(rule.get("expr")))
                    .contains("increase(orderhub_events_dead_lettered_total[")
                    .contains("topic")
                    .endsWith("> 0");
            assertThat(path(rule, "annotations", "description").toString()).contains("/api/v1/admin/dead-letters");
        });
    }

    @Test
    void alertRulesFireOnUnresolvedReconciliationMismatchesAndOnAReconciliationOverADayOld() {
        Map<String, Object> rules = yamlDocuments(read(root.resolve("infra/prometheus/orderhub-alerts.yml")))
                .get(0);
        Map<String, String> expressions = maps(path(rules, "groups")).stream()
                .flatMap(group -> maps(group.get("rules")).stream())
                .filter(rule -> String.valueOf(rule.get("alert")).startsWith("OrderhubReconciliation"))
                .collect(java.util.stream.Collectors.toMap(
                        rule -> String.valueOf(rule.get("alert")), rule -> String.valueOf(rule.get("expr"))));
        // The Prometheus names of payment-service's gauges orderhub.reconciliation.unresolved{provider} and
        // orderhub.reconciliation.last.success{provider} (seconds).
        assertThat(expressions.get("OrderhubReconciliationUnresolved"))
                .contains("orderhub_reconciliation_unresolved")
                .endsWith("> 0");
        assertThat(expressions.get("OrderhubReconciliationStale"))
                .contains("time() - ")
                .contains("orderhub_reconciliation_last_success_seconds");
    }

    @Test
    void eachServiceHasAKafkaUserWritingOnlyTheTopicsItProducesAndReadingOnlyWhatItListensTo() {
        assertThat(names("KafkaUser")).containsExactlyInAnyOrderElementsOf(concat(SERVICES, List.of(CONSOLE)));
        Map<String, String> producers = new LinkedHashMap<>();
        for (Map<String, Object> topic : kinds("KafkaTopic")) {
            producers.put(
                    String.valueOf(path(topic, "spec", "topicName")),
                    String.valueOf(path(topic, "metadata", "annotations", "orderhub.io/producer")));
        }
        for (String service : SERVICES) {
            Map<String, Object> user = kind("KafkaUser", service);
            assertThat(path(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("orderhub");
            assertThat(path(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat(path(user, "spec", "authorization", "type")).isEqualTo("simple");
            List<Map<String, Object>> acls = acls(service);
            for (Map<String, Object> acl : acls) {
                assertThat(path(acl, "resource", "type")).as(service).isIn("topic", "group");
                assertThat(path(acl, "resource", "patternType")).as(service).isEqualTo("literal");
                assertThat(strings(acl.get("operations"))).as(service).isSubsetOf("Read", "Write", "Describe");
            }
            Set<String> listened = listenedTopics(service);
            // A consumer dead-letters what it cannot apply to <topic>.DLT and lists those again.
            Set<String> deadLetters =
                    listened.stream().map(topic -> topic + ".DLT").collect(Collectors.toSet());
            Set<String> written = new TreeSet<>(deadLetters);
            producers.forEach((topic, producer) -> {
                if (producer.equals(service)) {
                    written.add(topic);
                }
            });
            assertThat(granted(acls, "topic", "Write")).as(service + " writes").isEqualTo(written);
            Set<String> read = new TreeSet<>(listened);
            read.addAll(deadLetters);
            assertThat(granted(acls, "topic", "Read")).as(service + " reads").isEqualTo(read);
            // The consumer group is spring.application.name (orderhub-messaging.yml), the service's name.
            assertThat(granted(acls, "group", "Read"))
                    .as(service + " groups")
                    .isEqualTo(listened.isEmpty() ? Set.of() : Set.of(service));
        }
        assertThat(SERVICES)
                .filteredOn(service ->
                        granted(acls(service), "topic", "Write").contains(EventTopic.PROVIDER_EVENTS.topicName()))
                .containsExactly("webhook-gateway");
    }

    @Test
    void theConsolesKafkaUserMayOnlyDescribeTheTopicsAndTheServicesGroups() {
        Map<String, Object> user = kind("KafkaUser", CONSOLE);
        assertThat(path(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
        List<Map<String, Object>> acls = acls(CONSOLE);
        for (Map<String, Object> acl : acls) {
            assertThat(strings(acl.get("operations"))).as(String.valueOf(acl)).containsExactly("Describe");
        }
        assertThat(granted(acls, "group", "Describe"))
                .containsExactlyInAnyOrder("order-service", "payment-service", "callback-dispatcher");
        assertThat(acls)
                .filteredOn(acl -> "topic".equals(path(acl, "resource", "type")))
                .extracting(acl -> path(acl, "resource", "name") + " " + path(acl, "resource", "patternType"))
                .containsExactly("orderhub. prefix");
    }

    @Test
    void eachServiceLogsInToKafkaOverTlsWithItsOwnKafkaUsersSecret() {
        assertThat(configMap("orderhub-config"))
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM")
                .containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
        for (String service : concat(SERVICES, List.of(CONSOLE))) {
            Map<String, Object> jaas = secretKeyRef(service, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            assertThat(jaas).as(service).containsEntry("name", service).containsEntry("key", "sasl.jaas.config");
            assertThat(secretKeyRef(service, "SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES"))
                    .as(service)
                    .containsEntry("name", "orderhub-cluster-ca-cert")
                    .containsEntry("key", "ca.crt");
        }
        assertThat(podVariables("edge")).noneMatch(variable -> variable.startsWith("SPRING_KAFKA"));
    }

    @Test
    void networkPoliciesDenyByDefaultAndAdmitOnlyTheEdgeFromOutside() {
        assertThat(kinds("NetworkPolicy")).anySatisfy(policy -> {
            assertThat(map(path(policy, "spec", "podSelector"))).isEmpty();
            assertThat(strings(path(policy, "spec", "policyTypes"))).containsExactly("Ingress");
            assertThat(path(policy, "spec", "ingress")).isNull();
        });
        Peer outside = new Peer(
                Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
                Map.of("app.kubernetes.io/name", "ingress-nginx"));
        assertThat(admits(podLabels("edge"), outside)).isTrue();
        for (String name : concat(SERVICES, List.of("schema-registry", CONSOLE))) {
            assertThat(admits(podLabels(name), outside)).as(name).isFalse();
        }
        assertThat(admits(KAFKA_BROKER, outside)).isFalse();
        assertThat(admits(POSTGRES_INSTANCE, outside)).isFalse();
        // What admits everyone is the edge's origin port, nothing else.
        for (Map<String, Object> policy : kinds("NetworkPolicy")) {
            for (Map<String, Object> rule : maps(path(policy, "spec", "ingress"))) {
                if (rule.get("from") == null) {
                    assertThat(path(policy, "spec", "podSelector", "matchLabels"))
                            .isEqualTo(podLabelsSelecting("edge"));
                    assertThat(maps(rule.get("ports")))
                            .extracting(port -> port.get("port"))
                            .containsExactly("http");
                }
            }
        }
    }

    @Test
    void networkPoliciesLetOnlyTheEdgeReachTheServicesAndOnlyTheServicesReachKafkaAndPostgres() {
        Peer edge = pod("edge");
        Peer registry = pod("schema-registry");
        for (String service : SERVICES) {
            assertThat(admits(podLabels(service), edge)).as("edge → " + service).isTrue();
            assertThat(admits(KAFKA_BROKER, pod(service)))
                    .as(service + " → Kafka")
                    .isTrue();
            assertThat(admits(POSTGRES_INSTANCE, pod(service)))
                    .as(service + " → PostgreSQL")
                    .isTrue();
            assertThat(admits(podLabels("schema-registry"), pod(service)))
                    .as(service + " → registry")
                    .isTrue();
            for (String other : SERVICES) {
                assertThat(admits(podLabels(other), pod(service)))
                        .as(service + " → " + other)
                        .isFalse();
            }
        }
        Peer console = pod(CONSOLE);
        assertThat(admits(podLabels(CONSOLE), edge)).as("edge → console").isTrue();
        // The console reaches the consuming services for their dead letters (not routed by the edge), nothing else.
        for (String service : SERVICES) {
            assertThat(admits(podLabels(service), console))
                    .as("console → " + service)
                    .isEqualTo(!service.equals("webhook-gateway"));
        }
        // The console's KafkaUser only describes (theConsolesKafkaUserMayOnlyDescribe...): the overview's lag.
        assertThat(admits(KAFKA_BROKER, console)).as("console → Kafka").isTrue();
        assertThat(admits(POSTGRES_INSTANCE, console))
                .as("console → PostgreSQL")
                .isFalse();
        assertThat(admits(KAFKA_BROKER, edge)).isFalse();
        assertThat(admits(POSTGRES_INSTANCE, edge)).isFalse();
        assertThat(admits(podLabels("schema-registry"), edge)).isFalse();
        assertThat(admits(POSTGRES_INSTANCE, registry)).isTrue();
        assertThat(admits(KAFKA_BROKER, registry)).isFalse();
        Peer prometheus = new Peer(Map.of("kubernetes.io/metadata.name", "monitoring"), Map.of());
        for (String name : ORDERHUB_IMAGES) {
            assertThat(admits(podLabels(name), prometheus))
                    .as("Prometheus → " + name)
                    .isTrue();
        }
    }

    // ---- running the tools ----------------------------------------------------------------------------

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Map<String, Object> dockerCompose(String... files) {
        Result result = run(dockerComposeCommand(root.resolve(".env.example"), files));
        if (result.exitCode() != 0) {
            fail("docker-compose config failed for %s:%n%s", List.of(files), result.stderr());
        }
        return yamlDocuments(result.stdout()).get(0);
    }

    private static String kustomize(String directory) {
        Result result = run(List.of("kubectl", "kustomize", directory));
        if (result.exitCode() != 0) {
            fail("kubectl kustomize failed for %s:%n%s", directory, result.stderr());
        }
        return result.stdout();
    }

    private static List<String> dockerComposeCommand(Path envFile, String... files) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--env-file", envFile.toString()));
        for (String file : files) {
            command.add("-f");
            command.add(file);
        }
        command.add("config");
        return command;
    }

    /**
     * Runs a tool in the project root with a clean environment, so that neither the caller's variables
     * nor a developer's .env change what it renders.
     */
    private static Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        String home = environment.get("HOME");
        environment.clear();
        environment.put("PATH", Objects.requireNonNullElse(path, "/usr/local/bin:/usr/bin:/bin"));
        environment.put("HOME", Objects.requireNonNullElse(home, "/tmp"));
        try {
            Path out = Files.createTempFile("orderhub-tool", ".out");
            Path err = Files.createTempFile("orderhub-tool", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("%s did not finish within 120 s", command);
                }
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException notInstalled) {
            return fail("%s could not be run: %s", command.get(0), notInstalled.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running %s", command);
        }
    }

    // ---- reading what the tools rendered --------------------------------------------------------------

    private static List<Map<String, Object>> yamlDocuments(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    private static Map<String, Map<String, Object>> services(Map<String, Object> composeModel) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(composeModel.get("services")).forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    private static Map<String, Object> environment(Map<String, Map<String, Object>> model, String service) {
        return map(model.get(service).get("environment"));
    }

    private static Map<String, String> dependencies(String service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        map(compose.get(service).get("depends_on"))
                .forEach((name, spec) ->
                        conditions.put(name, String.valueOf(map(spec).get("condition"))));
        return conditions;
    }

    /** docker-compose 1.29 renders volumes as "source:target:mode" strings. */
    private static List<String> volumeSources(String service) {
        return ((Collection<?>) compose.get(service).get("volumes"))
                .stream()
                        .map(volume -> volume instanceof Map<?, ?> entry
                                ? String.valueOf(entry.get("source"))
                                : String.valueOf(volume).split(":")[0])
                        .toList();
    }

    /** docker-compose 1.29 renders ports as "[ip:]host:container/protocol" strings or long-syntax maps. */
    private static List<Map<String, Object>> ports(Map<String, Object> service) {
        List<Map<String, Object>> ports = new ArrayList<>();
        if (service.get("ports") instanceof List<?> list) {
            for (Object port : list) {
                if (port instanceof Map<?, ?>) {
                    ports.add(map(port));
                } else {
                    String[] parts =
                            String.valueOf(port).replaceFirst("/(tcp|udp)$", "").split(":");
                    Map<String, Object> parsed = new LinkedHashMap<>();
                    parsed.put("target", parts[parts.length - 1]);
                    parsed.put("published", parts.length > 1 ? parts[parts.length - 2] : null);
                    parsed.put("host_ip", parts.length > 2 ? parts[0] : null);
                    ports.add(parsed);
                }
            }
        }
        return ports;
    }

    private static List<String> publishedPorts(Map<String, Object> service) {
        return ports(service).stream()
                .map(port -> String.valueOf(port.get("published")))
                .toList();
    }

    private static Map<String, String> envExample() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines(root.resolve(".env.example"))) {
            Matcher matcher = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$").matcher(line);
            if (matcher.matches()) {
                values.put(matcher.group(1), matcher.group(2));
            }
        }
        return values;
    }

    private static Set<String> envExampleVariables() {
        Pattern assignment = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=");
        Set<String> names = new TreeSet<>();
        for (String line : lines(root.resolve(".env.example"))) {
            Matcher matcher = assignment.matcher(line);
            if (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Interpolated (${NAME...}) and passed-through (a bare NAME: key under environment) variables. */
    private static Set<String> variablesReadBy(Path composeFile) {
        Set<String> names = new TreeSet<>();
        Matcher interpolated = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(read(composeFile));
        while (interpolated.find()) {
            names.add(interpolated.group(1));
        }
        Pattern bare = Pattern.compile("^\\s+([A-Z][A-Z0-9_]*):\\s*(#.*)?$");
        for (String line : lines(composeFile)) {
            Matcher matcher = bare.matcher(line);
            if (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static List<Map<String, Object>> kinds(String kind) {
        return kubernetes.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
    }

    private static List<String> names(String kind) {
        return kinds(kind).stream().map(ProductionShapeTest::name).toList();
    }

    private static Map<String, Object> kind(String kind, String name) {
        return kinds(kind).stream()
                .filter(doc -> name.equals(name(doc)))
                .findFirst()
                .orElseGet(() -> fail("no %s named %s in infra/k8s/overlays/example", kind, name));
    }

    private static String name(Map<String, Object> resource) {
        return String.valueOf(path(resource, "metadata", "name"));
    }

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(path(deployment, "spec", "template", "spec"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return maps(podSpec(deployment).get("containers"));
    }

    /** Every variable a Deployment's container gets: env entries plus the keys of its envFrom sources. */
    private static Set<String> podVariables(String deployment) {
        Set<String> variables = new LinkedHashSet<>();
        for (Map<String, Object> container : containers(kind("Deployment", deployment))) {
            maps(container.get("env")).forEach(env -> variables.add(String.valueOf(env.get("name"))));
            for (Map<String, Object> source : maps(container.get("envFrom"))) {
                if (source.containsKey("configMapRef")) {
                    String ref = String.valueOf(map(source.get("configMapRef")).get("name"));
                    variables.addAll(map(kind("ConfigMap", ref).get("data")).keySet());
                }
                if (source.containsKey("secretRef")) {
                    String ref = String.valueOf(map(source.get("secretRef")).get("name"));
                    variables.addAll(map(kind("Secret", ref).get("data")).keySet());
                }
            }
        }
        return variables;
    }

    private static List<String> mountedSecrets(String deployment) {
        return maps(podSpec(kind("Deployment", deployment)).get("volumes")).stream()
                .filter(volume -> volume.containsKey("secret"))
                .map(volume -> String.valueOf(map(volume.get("secret")).get("secretName")))
                .peek(secret -> kind("Secret", secret))
                .toList();
    }

    /** docker-compose 1.29 renders a service's networks as a map from network name to its settings. */
    private static Set<String> networks(Map<String, Map<String, Object>> model, String service) {
        return map(model.get(service).get("networks")).keySet();
    }

    private static boolean internal(Map<String, Object> networks, String network) {
        return Boolean.TRUE.equals(map(networks.get(network)).get("internal"));
    }

    /** The topics of the {@code @KafkaListener}s in a service's main sources. */
    private static Set<String> listenedTopics(String service) {
        Pattern listener = Pattern.compile("@KafkaListener\\(\\s*topics\\s*=\\s*\"([^\"]+)\"");
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve(service).resolve("src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher matcher = listener.matcher(read(file));
                while (matcher.find()) {
                    topics.add(matcher.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static List<Map<String, Object>> acls(String kafkaUser) {
        return maps(path(kind("KafkaUser", kafkaUser), "spec", "authorization", "acls"));
    }

    /** The names of the resources of a type on which the ACLs grant an operation. */
    private static Set<String> granted(List<Map<String, Object>> acls, String type, String operation) {
        return acls.stream()
                .filter(acl -> type.equals(path(acl, "resource", "type")))
                .filter(acl -> strings(acl.get("operations")).contains(operation))
                .map(acl -> String.valueOf(path(acl, "resource", "name")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> secretKeyRef(String deployment, String variable) {
        return containers(kind("Deployment", deployment)).stream()
                .flatMap(container -> maps(container.get("env")).stream())
                .filter(env -> variable.equals(env.get("name")))
                .map(env -> map(path(env, "valueFrom", "secretKeyRef")))
                .findFirst()
                .orElseGet(() -> fail("%s gets no %s", deployment, variable));
    }

    /** A client: the labels of its namespace and of its pod. */
    private record Peer(Map<String, Object> namespaceLabels, Map<String, Object> podLabels) {}

    private static Peer pod(String deployment) {
        return new Peer(OWN_NAMESPACE, podLabels(deployment));
    }

    private static Map<String, Object> podLabels(String deployment) {
        return map(path(kind("Deployment", deployment), "spec", "template", "metadata", "labels"));
    }

    private static Map<String, Object> podLabelsSelecting(String deployment) {
        return map(path(kind("Deployment", deployment), "spec", "selector", "matchLabels"));
    }

    /**
     * Whether the NetworkPolicies let a client connect to a pod of the namespace (on some port): a pod no
     * policy selects takes every connection, a selected one only what one of its policies' rules admits.
     */
    private static boolean admits(Map<String, Object> target, Peer client) {
        List<Map<String, Object>> policies = kinds("NetworkPolicy").stream()
                .filter(policy -> strings(path(policy, "spec", "policyTypes")).contains("Ingress"))
                .filter(policy -> selects(map(path(policy, "spec", "podSelector")), target))
                .toList();
        return policies.isEmpty()
                || policies.stream()
                        .flatMap(policy -> maps(path(policy, "spec", "ingress")).stream())
                        .anyMatch(rule -> rule.get("from") == null
                                || maps(rule.get("from")).stream().anyMatch(peer -> admitsPeer(peer, client)));
    }

    private static boolean admitsPeer(Map<String, Object> peer, Peer client) {
        assertThat(peer).as("a peer these tests can evaluate").doesNotContainKey("ipBlock");
        boolean namespace = peer.containsKey("namespaceSelector")
                ? selects(map(peer.get("namespaceSelector")), client.namespaceLabels())
                : client.namespaceLabels().equals(OWN_NAMESPACE);
        return namespace
                && (!peer.containsKey("podSelector") || selects(map(peer.get("podSelector")), client.podLabels()));
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        assertThat(selector).as("a selector these tests can evaluate").doesNotContainKey("matchExpressions");
        return labels.entrySet().containsAll(map(selector.get("matchLabels")).entrySet());
    }

    private static Map<String, Object> configMap(String generatedName) {
        return kinds("ConfigMap").stream()
                .filter(doc -> name(doc).startsWith(generatedName + "-"))
                .map(doc -> map(doc.get("data")))
                .findFirst()
                .orElseGet(() -> fail("no ConfigMap generated as %s", generatedName));
    }

    private static int topicPartitions() {
        return Integer.parseInt(String.valueOf(configMap("orderhub-config").get("KAFKA_TOPIC_PARTITIONS")));
    }

    private static long bytes(String size) {
        Matcher matcher = Pattern.compile("(?i)(\\d+)([km]?)").matcher(size.trim());
        assertThat(matcher.matches()).as("an nginx size: " + size).isTrue();
        long value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase()) {
            case "k" -> value * 1024;
            case "m" -> value * 1024 * 1024;
            default -> value;
        };
    }

    private static String projectVersion() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var pom = factory.newDocumentBuilder().parse(root.resolve("pom.xml").toFile());
            var children = pom.getDocumentElement().getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if ("version".equals(children.item(i).getNodeName())) {
                    return children.item(i).getTextContent().trim();
                }
            }
            return fail("no <version> in %s", root.resolve("pom.xml"));
        } catch (Exception e) {
            return fail("cannot read the project version from pom.xml: %s", e.getMessage());
        }
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    private static List<Map<String, Object>> maps(Object node) {
        return node == null
                ? List.of()
                : ((Collection<?>) node).stream().map(ProductionShapeTest::map).toList();
    }

    private static List<String> strings(Object node) {
        return ((Collection<?>) node).stream().map(String::valueOf).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        return read(file).lines().toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
