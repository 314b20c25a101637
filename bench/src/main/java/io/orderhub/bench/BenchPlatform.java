package io.orderhub.bench;

import io.orderhub.local.Database;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.postgres.LocalPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * All four services and the edge from their jars as separate processes, as {@code bin/orderhub-local} and
 * {@code PlatformFlowIT} start them, each service owning its database (and role) on the benchmark's PostgreSQL
 * server. Started in two groups: five JVMs compiling their start-up at once on two cores take longer than
 * {@link Platform}'s health timeout, so the services owning a database come first, then what fronts them.
 */
public final class BenchPlatform implements AutoCloseable {

    /** As PlatformFlowIT runs the services, but with the optimising compiler: this is a benchmark. */
    public static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private static final String DB_PASSWORD = "orderhub-bench";

    private final Platform backends;
    private final Platform front;
    private final Map<Service, Database> databases;
    private final Duration startup;

    private BenchPlatform(Platform backends, Platform front, Map<Service, Database> databases, Duration startup) {
        this.backends = backends;
        this.front = front;
        this.databases = databases;
        this.startup = startup;
    }

    /** Starts the platform with {@code environment} and waits until every process is healthy. */
    public static BenchPlatform start(Path root, Path work, Map<String, String> environment, LocalPostgres postgres) {
        return start(root, work, environment, postgres, List.of());
    }

    /** As {@link #start(Path, Path, Map, LocalPostgres)}, every JVM with {@code extraJvmOptions} too. */
    public static BenchPlatform start(
            Path root,
            Path work,
            Map<String, String> environment,
            LocalPostgres postgres,
            List<String> extraJvmOptions) {
        List<String> jvm = new ArrayList<>(SERVICE_JVM);
        jvm.addAll(extraJvmOptions);
        long starting = System.nanoTime();
        int httpPort = Platform.freePortBlock();
        Map<Service, Database> databases = new EnumMap<>(Service.class);
        Platform backends = start(
                root,
                work,
                httpPort,
                environment,
                postgres,
                databases,
                jvm,
                Service.ORDER_SERVICE,
                Service.PAYMENT_SERVICE,
                Service.CALLBACK_DISPATCHER);
        try {
            Platform front = start(
                    root, work, httpPort, environment, postgres, databases, jvm, Service.WEBHOOK_GATEWAY, Service.EDGE);
            return new BenchPlatform(backends, front, databases, Duration.ofNanos(System.nanoTime() - starting));
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
    }

    /** Where channels and providers reach the platform: the edge. */
    public URI origin() {
        return front.origin();
    }

    /** From starting the first process until the last one was healthy. */
    public Duration startup() {
        return startup;
    }

    /** The database a service owns on the benchmark's server. */
    public Database database(Service service) {
        return databases.get(service);
    }

    /** The platform's processes, for {@link CpuTimes#platformParts}. */
    public List<Platform> platforms() {
        return List.of(backends, front);
    }

    @Override
    public void close() {
        try {
            front.close();
        } finally {
            backends.close();
        }
    }

    private static Platform start(
            Path root,
            Path work,
            int httpPort,
            Map<String, String> environment,
            LocalPostgres postgres,
            Map<Service, Database> databases,
            List<String> jvm,
            Service... services) {
        Platform.Builder builder = Platform.builder(root)
                .only(services)
                .httpPort(httpPort)
                .logDirectory(work.resolve("logs"))
                .jvmOptions(jvm)
                .environment(environment);
        for (Service service : services) {
            if (service.ownsDatabase()) {
                String name = "orderhub_" + service.databasePrefix().toLowerCase(Locale.ROOT);
                String role = name + "_service";
                postgres.ensureDatabase(name, role, DB_PASSWORD);
                Database database = new Database(postgres.jdbcUrl(name), role, DB_PASSWORD);
                databases.put(service, database);
                builder.database(service, database);
            }
        }
        return builder.start();
    }
}
