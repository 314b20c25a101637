package io.orderhub.bench.reconciliation;

import io.orderhub.bench.CpuTimes;
import io.orderhub.local.Database;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.kafka.KafkaBroker;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * payment-service's jar on its own, as the payment benchmarks run it: an admin key, no rate limit, no scheduled
 * reconciliation, the repair job out of the way; and the processes whose CPU they read.
 */
final class PaymentServiceProcess {

    static final String ADMIN_KEY = "admin-bench-key-0001";
    static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private PaymentServiceProcess() {}

    /** The service on {@code database} and {@code broker}, with {@code environment} beside the defaults. */
    static Platform start(
            Path root, Path work, Database database, KafkaBroker broker, Map<String, String> environment) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        variables.put("SCHEMA_REGISTRY_URL", "mock://");
        variables.put("API_KEYS", "admin:" + ADMIN_KEY);
        variables.put("RATE_LIMIT", "100000000/1m");
        variables.put("RECONCILIATION_SCHEDULE", "-");
        variables.put("PAYMENT_REPAIR_INTERVAL", "1h");
        variables.putAll(environment);
        return Platform.builder(root)
                .only(Service.PAYMENT_SERVICE)
                .httpPort(Platform.freePortBlock())
                .logDirectory(work.resolve("logs"))
                .jvmOptions(JVM)
                .database(Service.PAYMENT_SERVICE, database)
                .environment(variables)
                .start();
    }

    /** The service (with its JIT threads apart), PostgreSQL with its backends, and this JVM. */
    static CpuTimes cpu(Platform service, Path postgresDirectory) {
        long pid = service.process(Service.PAYMENT_SERVICE).pid();
        return new CpuTimes(List.of(
                new CpuTimes.Part("service", pid, CpuTimes.Scope.PROCESS),
                new CpuTimes.Part("service_jit", pid, CpuTimes.Scope.JIT_THREADS),
                new CpuTimes.Part("postgres", CpuTimes.postmaster(postgresDirectory), CpuTimes.Scope.TREE),
                new CpuTimes.Part("bench_jvm", ProcessHandle.current().pid(), CpuTimes.Scope.PROCESS)));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
