package io.orderhub.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.orderhub.local.Database;
import io.orderhub.local.ExampleSeller;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.postgres.LocalPostgres;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.TestDatabase;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole platform as bin/orderhub-local runs it — four services and the edge as separate processes on
 * one real Kafka broker and PostgreSQL — with Stripe, BTCPay and the channels' callback receivers as real
 * HTTP servers, and the keys and secrets the tests play the channels and providers with.
 */
public final class FullPlatform implements AutoCloseable {

    public static final String SHOP_KEY = "wc-e2e-key-0001";
    public static final String POS_KEY = "pos-e2e-key-0001";
    public static final String B2B_KEY = "b2b-e2e-key-0001";
    public static final String ADMIN_KEY = "admin-e2e-key-0001";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_e2e_stripe_secret";
    public static final String BTCPAY_WEBHOOK_SECRET = "e2e-btcpay-webhook-secret";
    public static final String BTCPAY_STORE = "store-e2e";
    /** The plugin's secret: the old hub's plain string. */
    public static final String SHOP_CALLBACK_SECRET = "shop-callback-secret";
    /** A Standard Webhooks secret (whsec_ + base64 key) for the POS receiver. */
    public static final String POS_CALLBACK_SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("pos-terminal-callback-key-32byte".getBytes(StandardCharsets.UTF_8));

    public static final String B2B_CALLBACK_SECRET = "b2b-callback-secret";

    /** The console's users (ADMIN_USERS) where the console is started: an operator and a viewer. */
    public static final String CONSOLE_OPERATOR = "olga";

    public static final String CONSOLE_OPERATOR_PASSWORD = "olga-e2e-console-password";
    public static final String CONSOLE_VIEWER = "victor";
    public static final String CONSOLE_VIEWER_PASSWORD = "victor-e2e-console-password";

    /** One key per scope, each holding that scope alone (PlatformFlowIT's authorization matrix). */
    public static final Map<String, String> SCOPE_KEYS = scopeKeys();

    private static final String DB_PASSWORD = "orderhub-harness";

    private final WireMockServer stripe;
    private final WireMockServer btcpay;
    private final WireMockServer receivers;
    private final Path logs;
    private final Map<Service, Database> databases = new EnumMap<>(Service.class);
    private Platform platform;

    private FullPlatform(Path logs) {
        this.stripe = started();
        this.btcpay = started();
        this.receivers = started();
        this.logs = logs;
    }

    /**
     * Starts the simulators and the platform on the test JVM's broker and PostgreSQL; the services log to
     * target/service-logs/{@code name}.
     */
    public static FullPlatform start(String name) {
        return start(Path.of("target", "service-logs", name), TestKafka.bootstrapServers(), null, false);
    }

    /** As {@link #start(String)}, with the admin console behind the edge at /admin, its users those above. */
    public static FullPlatform startWithConsole(String name) {
        return start(Path.of("target", "service-logs", name), TestKafka.bootstrapServers(), null, true);
    }

    /**
     * The platform on a broker and a PostgreSQL server of its own, as {@code bin/orderhub-local} runs it:
     * each service owns a database and a role on {@code postgres}, and is restarted after its process dies,
     * as compose and Kubernetes do. Faults can then stop the broker and the database server, not a shared one.
     */
    public static FullPlatform startSupervised(Path logs, String kafkaBootstrapServers, LocalPostgres postgres) {
        return start(logs, kafkaBootstrapServers, postgres, false);
    }

    private static FullPlatform start(
            Path logs, String kafkaBootstrapServers, LocalPostgres postgres, boolean withConsole) {
        FullPlatform running = new FullPlatform(logs);
        try {
            running.platform = running.startPlatform(kafkaBootstrapServers, postgres, withConsole);
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    private Platform startPlatform(String kafkaBootstrapServers, LocalPostgres postgres, boolean withConsole) {
        receivers.stubFor(post(urlPathEqualTo("/wp-json/order-hub/v1/callback"))
                .willReturn(aResponse().withStatus(200)));
        receivers.stubFor(
                post(urlPathEqualTo("/pos/callbacks")).willReturn(aResponse().withStatus(204)));
        receivers.stubFor(
                post(urlPathEqualTo("/b2b/order-hub")).willReturn(aResponse().withStatus(200)));
        btcpay.stubFor(get(urlPathEqualTo("/api/v1/stores/" + BTCPAY_STORE + "/invoices"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        environment.put("SCHEMA_REGISTRY_URL", "mock://");
        environment.put(
                "API_KEYS",
                "woocommerce:" + SHOP_KEY + ";name=shop,pos:" + POS_KEY + ",b2b:" + B2B_KEY + ",admin:" + ADMIN_KEY
                        + SCOPE_KEYS.entrySet().stream()
                                .map(scoped -> ",b2b:" + scoped.getValue() + ";name=only-"
                                        + scoped.getKey().replace(':', '-') + ";scopes=" + scoped.getKey())
                                .collect(Collectors.joining()));
        environment.put("RATE_LIMIT", "100000/1m");
        environment.put("STRIPE_API_KEY", "sk_test_e2e");
        environment.put("STRIPE_API_BASE", stripe.baseUrl());
        environment.put("STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET);
        environment.put("BTCPAY_URL", btcpay.baseUrl());
        environment.put("BTCPAY_API_KEY", "btcpay-e2e-api-key");
        environment.put("BTCPAY_STORE_ID", BTCPAY_STORE);
        environment.put("BTCPAY_WEBHOOK_SECRET", BTCPAY_WEBHOOK_SECRET);
        environment.put("WOOCOMMERCE_CALLBACK_URL", receivers.baseUrl() + "/wp-json/order-hub/v1/callback");
        environment.put("WOOCOMMERCE_CALLBACK_SECRET", SHOP_CALLBACK_SECRET);
        environment.put("POS_CALLBACK_URL", receivers.baseUrl() + "/pos/callbacks");
        environment.put("POS_CALLBACK_SECRET", POS_CALLBACK_SECRET);
        environment.put("B2B_CALLBACK_URL", receivers.baseUrl() + "/b2b/order-hub");
        environment.put("B2B_CALLBACK_SECRET", B2B_CALLBACK_SECRET);
        ExampleSeller.VARIABLES.forEach((name, value) -> {
            if (value != null) {
                environment.put(name, value);
            }
        });
        environment.put("CALLBACK_REQUIRE_HTTPS", "false");
        environment.put("CALLBACK_ALLOW_PRIVATE_NETWORKS", "true");
        environment.put("ADMIN_CONSOLE_API_KEY", ADMIN_KEY);
        environment.put(
                "ADMIN_USERS",
                CONSOLE_OPERATOR + ":" + CONSOLE_OPERATOR_PASSWORD + ";role=operator," + CONSOLE_VIEWER + ":"
                        + CONSOLE_VIEWER_PASSWORD + ";role=viewer");
        // The console's overview sends new figures this often: a test sees a change within seconds.
        environment.put("ADMIN_OVERVIEW_REFRESH", "2s");
        // As in production (docker-compose, k8s): one ECS JSON object per log line.
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");

        Platform.Builder builder = Platform.builder(Path.of(System.getProperty("orderhub.root")))
                .httpPort(Platform.freePortBlock())
                .logDirectory(logs)
                .environment(environment)
                .jvmOptions(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .restartOnExit(postgres != null)
                // Five JVMs starting at once on two cores shared with other builds take their time.
                .healthTimeout(Duration.ofMinutes(6));
        if (withConsole) {
            builder.also(Service.ADMIN_CONSOLE);
        }
        for (Service service : Service.values()) {
            if (service.ownsDatabase()) {
                Database database = postgres == null ? testDatabase() : ownDatabase(postgres, service);
                databases.put(service, database);
                builder.database(service, database);
            }
        }
        return builder.start();
    }

    private static Database testDatabase() {
        TestDatabase database = TestPostgres.newDatabase();
        return new Database(database.jdbcUrl(), database.username(), database.password());
    }

    /** As bin/orderhub-local: a database and a role of the service's own. */
    private static Database ownDatabase(LocalPostgres postgres, Service service) {
        String name = "orderhub_" + service.databasePrefix().toLowerCase(Locale.ROOT);
        String role = name + "_service";
        postgres.ensureDatabase(name, role, DB_PASSWORD);
        return new Database(postgres.jdbcUrl(name), role, DB_PASSWORD);
    }

    public Platform platform() {
        return platform;
    }

    /** Posts a Stripe event to the edge's webhook route as Stripe does: signed with the platform's secret. */
    public HttpResponse<String> sendStripeEvent(String event) {
        return ApiClient.of(platform.origin(), null)
                .send(
                        "POST",
                        "/api/v1/webhooks/stripe",
                        event.getBytes(StandardCharsets.UTF_8),
                        StripeEvents.headers(STRIPE_WEBHOOK_SECRET, event));
    }

    /** The database a service owns. */
    public Database database(Service service) {
        return databases.get(service);
    }

    /** Every service's database. */
    public Map<Service, Database> databases() {
        return Map.copyOf(databases);
    }

    public WireMockServer stripe() {
        return stripe;
    }

    public WireMockServer btcpay() {
        return btcpay;
    }

    public WireMockServer receivers() {
        return receivers;
    }

    /** The directory of the services' log files ({@code <service>.log}). */
    public Path logs() {
        return logs;
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
        Stream.of(stripe, btcpay, receivers).forEach(WireMockServer::stop);
    }

    private static WireMockServer started() {
        // Under load, payment-service calls Stripe and the dispatcher the receivers from many threads at once.
        WireMockServer server =
                new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));
        server.start();
        return server;
    }

    private static Map<String, String> scopeKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String resource : List.of("orders", "payments", "callbacks")) {
            for (String access : List.of("read", "write")) {
                keys.put(resource + ":" + access, "matrix-" + resource + "-" + access + "-key-0001");
            }
        }
        return keys;
    }
}
