package io.orderhub.local;

import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.local.postgres.LocalPostgres;
import io.orderhub.local.process.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

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
        // bin/orderhub-local execs this JVM: its start is the launcher's.
        Instant begin = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        Map<String, LongSupplier> residents = new LinkedHashMap<>();
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
            residents.put("Kafka broker", broker::residentKib);
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
        if (!"false".equals(System.getenv("ORDERHUB_LOCAL_CDS"))) {
            platform.classDataSharing(root.resolve("target").resolve("cds"));
        }
        if (!settings.isSet("DB_URL")) {
            int pgPort = Integer.parseInt(System.getenv().getOrDefault("ORDERHUB_LOCAL_PG_PORT", "5433"));
            LocalPostgres postgres = LocalPostgres.startPersistent(state.resolve("postgres"), pgPort);
            started.add(postgres);
            residents.put("PostgreSQL (its processes)", () -> processTreeKib(postgres.postmaster()));
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
        Platform services = platform.start();
        started.add(services);
        System.out.printf(
                "Order Hub ready in %d s on http://localhost:%d; logs in %s%n",
                Duration.between(begin, Instant.now()).toSeconds(), httpPort, state.resolve("logs"));
        Map<String, LongSupplier> all = new LinkedHashMap<>();
        services.services().forEach(service -> all.put(service.serviceName(), services.process(service)::residentKib));
        all.putAll(residents);
        all.put(
                "this launcher",
                () -> JavaProcess.residentKib(ProcessHandle.current().pid()));
        System.out.print(residentMemory(all));
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

    /** One line per process and their total, in MiB, from {@code VmRSS}. */
    private static String residentMemory(Map<String, LongSupplier> processes) {
        StringBuilder text = new StringBuilder("Resident memory (VmRSS):\n");
        long total = 0;
        for (Map.Entry<String, LongSupplier> process : processes.entrySet()) {
            long kib = process.getValue().getAsLong();
            total += kib;
            text.append(String.format("  %-32s %5d MiB%n", process.getKey(), kib / 1024));
        }
        return text.append(String.format("  %-32s %5d MiB%n", "total", total / 1024))
                .toString();
    }

    /** A process and its descendants; PostgreSQL's shared buffers count in every backend that touched them. */
    private static long processTreeKib(long pid) {
        return ProcessHandle.of(pid)
                .map(root -> Stream.concat(Stream.of(root), root.descendants())
                        .mapToLong(process -> JavaProcess.residentKib(process.pid()))
                        .sum())
                .orElse(0L);
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
