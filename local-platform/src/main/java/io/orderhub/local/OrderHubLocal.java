package io.orderhub.local;

import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.local.postgres.LocalPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/orderhub-local}: Kafka, PostgreSQL, the four services, the edge and the console on one machine, without
 * Docker. A service that dies is started again after a back-off (logged). Stops everything it started on
 * Ctrl-C or SIGTERM.
 */
public final class OrderHubLocal {

    private static final String DEV_DB_PASSWORD = "orderhub-local";

    private final List<AutoCloseable> started = new ArrayList<>();

    private OrderHubLocal() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("orderhub.root", "."))
                .toAbsolutePath()
                .normalize();
        OrderHubLocal local = new OrderHubLocal();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            local.stopAll();
                            stopped.countDown();
                        },
                        "orderhub-local-stop"));
        try {
            local.start(root, new LocalSettings(System.getenv()));
        } catch (RuntimeException e) {
            System.err.println("Order Hub did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start(Path root, LocalSettings settings) {
        Instant begin = Instant.now();
        Path state = root.resolve(".orderhub-local");
        int httpPort = Integer.parseInt(settings.get("HTTP_PORT"));
        System.out.println("Order Hub local run, state and logs in " + state);
        System.out.print(settings.describe());

        Map<String, String> environment = new java.util.LinkedHashMap<>(settings.serviceEnvironment());
        if (!settings.isSet("KAFKA_BOOTSTRAP_SERVERS")) {
            int kafkaPort = Integer.parseInt(System.getenv().getOrDefault("ORDERHUB_LOCAL_KAFKA_PORT", "9092"));
            KafkaBroker broker =
                    KafkaBroker.start(state.resolve("kafka"), kafkaPort, KafkaBroker.DEFAULT_JVM_OPTIONS, false);
            started.add(broker);
            environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            System.out.println("Kafka (KRaft) on " + broker.bootstrapServers());
        }

        Platform.Builder platform = Platform.builder(root)
                .httpPort(httpPort)
                .also(Service.ADMIN_CONSOLE)
                .environment(environment)
                .logDirectory(state.resolve("logs"))
                .reapOnExit(false)
                .restartOnExit(true)
                .jvmOptions(List.of(System.getenv()
                        .getOrDefault(
                                "ORDERHUB_LOCAL_JAVA_OPTS", "-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                        .split("\\s+")));
        if (!settings.isSet("DB_URL")) {
            int pgPort = Integer.parseInt(System.getenv().getOrDefault("ORDERHUB_LOCAL_PG_PORT", "5433"));
            LocalPostgres postgres = LocalPostgres.startPersistent(state.resolve("postgres"), pgPort);
            started.add(postgres);
            System.out.println("PostgreSQL 15 on localhost:" + postgres.port());
            for (Service service : Service.values()) {
                if (service.ownsDatabase()) {
                    String name = "orderhub_" + service.databasePrefix().toLowerCase();
                    String role = name + "_service";
                    postgres.ensureDatabase(name, role, DEV_DB_PASSWORD);
                    platform.database(service, new Database(postgres.jdbcUrl(name), role, DEV_DB_PASSWORD));
                }
            }
        }
        System.out.println(
                "Starting order-service, payment-service, webhook-gateway, callback-dispatcher, edge, admin-console ...");
        started.add(platform.start());
        System.out.printf(
                "Started in %d s; logs in %s%n",
                Duration.between(begin, Instant.now()).toSeconds(), state.resolve("logs"));
        System.out.println("Order Hub ready on http://localhost:" + httpPort);
        if (settings.fromEnvironment("ADMIN_USERS")) {
            System.out.println("Console on http://localhost:" + httpPort + "/admin/ (users from ADMIN_USERS)");
        } else {
            System.out.printf(
                    "Console on http://localhost:%d/admin/ — development login: %s / %s (operator; viewer / %s reads"
                            + " only)%n",
                    httpPort,
                    LocalSettings.DEV_CONSOLE_OPERATOR,
                    LocalSettings.DEV_CONSOLE_PASSWORD,
                    LocalSettings.DEV_CONSOLE_PASSWORD);
        }
    }

    /** Services first, then the broker and the database they use. */
    private synchronized void stopAll() {
        System.out.println("Stopping Order Hub ...");
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
        }
        started.clear();
        System.out.println("Order Hub stopped.");
    }
}
