package io.orderhub.bench.faults;

import io.orderhub.bench.BenchResults;
import io.orderhub.bench.CpuTimes;
import io.orderhub.bench.Pgbench;
import io.orderhub.harness.Audit;
import io.orderhub.harness.Audit.Problem;
import io.orderhub.harness.FaultRun;
import io.orderhub.harness.FaultRun.Fault;
import io.orderhub.harness.FaultRun.Figures;
import io.orderhub.harness.FullPlatform;
import io.orderhub.harness.MixedLoad;
import io.orderhub.local.Database;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.local.postgres.LocalPostgres;
import io.orderhub.local.postgres.LocalPostgres.Shutdown;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Issue 15's fault benchmark: the platform as {@code bin/orderhub-local} runs it — four services and the edge as
 * separate processes, each restarted after its process ends (Platform's restart on exit, with back-off), on a
 * KRaft broker and PostgreSQL 15 of their own — under {@link MixedLoad}'s steady open-loop mixed load for the
 * whole run, with the faults of the issue one after the other: SIGKILL of each service and the edge
 * (order-service while its outbox relay holds its lock, callback-dispatcher with deliveries claimed), a clean
 * restart and a SIGKILL of the broker, PostgreSQL restarted after a fast and after an immediate shutdown, a
 * consumer (payment-service) stopped with SIGSTOP for 30 s and continued, and a rolling restart (SIGTERM of each
 * service in turn, the next once the previous is healthy again). After each fault and at the end, {@link
 * Audit}'s audit; per fault {@link FaultRun}'s figures.
 *
 * <p>Also measured in the same run: CPU per flow of each process over a steady minute before the first fault
 * ({@link CpuTimes}), and the reference, pgbench's built-in simple-update transaction on the same PostgreSQL
 * server once the load has stopped.
 *
 * <p>Arguments: {@code [flowsPerSecond=20] [flowsAroundFaults=200] [warmupSeconds=60] [steadySeconds=60]
 * [pauseSeconds=30] [pgbenchSeconds=20]}. Run with {@code bench/run FaultBench}; results in
 * {@code bench/results/faults.{json,md}}, service logs in the working directory it prints.
 */
public final class FaultBench {

    private static final Duration RECOVERY = Duration.ofMinutes(5);
    private static final String PREFIX = "faultbench-";

    private FaultBench() {}

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        int flowsAroundFaults = intArgument(args, 1, 200);
        int warmupSeconds = intArgument(args, 2, 60);
        int steadySeconds = intArgument(args, 3, 60);
        int pauseSeconds = intArgument(args, 4, 30);
        int pgbenchSeconds = intArgument(args, 5, 20);
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("fault-bench");
        double loadBefore = loadAverage();
        System.out.printf(
                "Working files and service logs in %s; load average %.2f; %.1f flows/s%n", work, loadBefore, rate);

        BenchResults results = new BenchResults("faults");
        Instant runStarted = Instant.now();
        try (LocalPostgres postgres = LocalPostgres.startPersistent(work.resolve("postgres"), 0);
                KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            Instant platformStarting = Instant.now();
            try (FullPlatform running =
                    FullPlatform.startSupervised(work.resolve("logs"), broker.bootstrapServers(), postgres)) {
                Platform platform = running.platform();
                long startSeconds =
                        Duration.between(platformStarting, Instant.now()).toSeconds();
                System.out.printf("Platform on %s, started in %d s%n", platform.origin(), startSeconds);
                Audit audit = Audit.of(running, broker.bootstrapServers());

                try (MixedLoad load = MixedLoad.start(running, rate, PREFIX)) {
                    awaitSeconds(warmupSeconds, "warm-up");
                    Map<String, Object> steady = steadyCpu(load, platform, work, steadySeconds);
                    System.out.println("Steady state: " + steady);

                    FaultRun run = new FaultRun(load, audit, platform, flowsAroundFaults, RECOVERY);
                    // A fault the platform does not recover from within RECOVERY is a result, not the end of the run.
                    List<String> notRecovered = new ArrayList<>();
                    List<Fault> faults = faults(run, platform, running, broker, postgres, pauseSeconds);
                    for (Fault fault : faults) {
                        try {
                            Figures figures = run.inject(fault);
                            System.out.printf(
                                    "%s: healthy after %.1f s, zero lag after %.1f s, %d answers not 2xx, %d problems%n",
                                    fault.name(),
                                    figures.toHealthy().toMillis() / 1000.0,
                                    figures.toZeroLag().toMillis() / 1000.0,
                                    figures.not2xx(),
                                    figures.problems().size());
                        } catch (ConditionTimeoutException | IllegalStateException e) {
                            notRecovered.add(fault.name() + ": " + e.getMessage());
                            System.out.println("Not recovered: " + fault.name() + ": " + e.getMessage());
                        }
                        // A run cut short still leaves the figures of the faults it got through.
                        describe(
                                        new BenchResults("faults"),
                                        rate,
                                        flowsAroundFaults,
                                        warmupSeconds,
                                        steadySeconds,
                                        pauseSeconds)
                                .line("")
                                .line("**Partial:** written after fault " + (faults.indexOf(fault) + 1) + " of "
                                        + faults.size() + "; the run had not finished.")
                                .line("")
                                .line(FaultRun.table(run.figures()))
                                .figure("partial", true)
                                .figure("flows_per_second_offered", rate)
                                .figure("not_recovered", notRecovered)
                                .figure(
                                        "faults",
                                        run.figures().stream()
                                                .map(FaultRun::asMap)
                                                .toList())
                                .figure(
                                        "not_2xx_by_fault_step_and_status",
                                        FaultRun.not2xxByFaultStepAndStatus(load.answers()))
                                .figure("steady_state", steady)
                                .figure("service_logs", work.resolve("logs").toString())
                                .write(root);
                    }
                    try {
                        load.stopAndAwaitFlows(RECOVERY);
                    } catch (ConditionTimeoutException e) {
                        notRecovered.add("flows still running " + RECOVERY.toMinutes() + " min after the load stopped");
                    }
                    Duration drained;
                    try {
                        drained = audit.awaitDrained(RECOVERY);
                    } catch (ConditionTimeoutException e) {
                        notRecovered.add(
                                "outboxes or lag not at zero " + RECOVERY.toMinutes() + " min after the load stopped");
                        drained = RECOVERY;
                    }
                    List<Problem> problems = new ArrayList<>();
                    run.figures().forEach(fault -> problems.addAll(fault.problems()));
                    List<Problem> atTheEnd = audit.check(run.unaudited(), RECOVERY);
                    problems.addAll(atTheEnd);
                    long deadLetters = audit.deadLetters();

                    Map<String, Object> reference =
                            Pgbench.simpleUpdate(postgres, work.resolve("postgres"), pgbenchSeconds);
                    double flowsPerSecond = (Double) steady.get("flows_completed_per_second");
                    reference.put(
                            "ratio_flows_per_second_to_pgbench_tps",
                            Math.round(flowsPerSecond / (Double) reference.get("tps") * 10_000) / 10_000.0);

                    describe(results, rate, flowsAroundFaults, warmupSeconds, steadySeconds, pauseSeconds)
                            .line("")
                            .line(FaultRun.table(run.figures()))
                            .figure("flows_per_second_offered", rate)
                            .figure("flows_started", load.startedFlows())
                            .figure(
                                    "flows_answered_2xx_throughout",
                                    load.flows().size())
                            .figure("flows_failed", load.failures().size())
                            .figure(
                                    "answers_neither_2xx_nor_retriable",
                                    load.unexpectedAnswers().size())
                            .figure("drained_after_load_stopped_seconds", drained.toSeconds())
                            .figure("dead_lettered", deadLetters)
                            .figure("audit_problems", problems.size())
                            .figure("not_recovered", notRecovered)
                            .figure(
                                    "audit_at_the_end",
                                    atTheEnd.stream().map(Problem::toString).toList())
                            .figure(
                                    "faults",
                                    run.figures().stream().map(FaultRun::asMap).toList())
                            .figure(
                                    "not_2xx_by_fault_step_and_status",
                                    FaultRun.not2xxByFaultStepAndStatus(load.answers()))
                            .figure(
                                    "failures",
                                    load.failures().stream().limit(50).toList())
                            .figure(
                                    "unexpected_answers",
                                    load.unexpectedAnswers().stream()
                                            .limit(50)
                                            .map(Object::toString)
                                            .toList())
                            .figure("steady_state", steady)
                            .figure("reference_pgbench", reference)
                            .figure("platform_start_seconds", startSeconds)
                            .figure(
                                    "run_seconds",
                                    Duration.between(runStarted, Instant.now()).toSeconds())
                            .figure("load_average_before", loadBefore)
                            .figure("load_average_after", loadAverage())
                            .figure("service_logs", work.resolve("logs").toString());
                }
            }
        }
        results.write(root);
    }

    // --- the faults -------------------------------------------------------------------------------

    private static List<Fault> faults(
            FaultRun run,
            Platform platform,
            FullPlatform running,
            KafkaBroker broker,
            LocalPostgres postgres,
            int pauseSeconds) {
        List<Fault> faults = new ArrayList<>();
        for (Service service : platform.services()) {
            faults.add(kill(run, platform, running, service));
        }
        faults.add(new Fault(
                "Kafka broker restart (SIGTERM)",
                () -> {
                    broker.stop();
                    broker.restart();
                },
                run::allHealthy));
        faults.add(new Fault(
                "Kafka broker kill -9",
                () -> {
                    broker.kill();
                    broker.restart();
                },
                run::allHealthy));
        faults.add(new Fault(
                "PostgreSQL restart (fast shutdown)", () -> postgres.restart(Shutdown.FAST), run::allHealthy));
        faults.add(new Fault(
                "PostgreSQL restart (immediate shutdown)",
                () -> postgres.restart(Shutdown.IMMEDIATE),
                run::allHealthy));
        faults.add(new Fault(
                "SIGSTOP payment-service " + pauseSeconds + " s, SIGCONT",
                () -> {
                    var consumer = platform.process(Service.PAYMENT_SERVICE);
                    consumer.pause();
                    try {
                        awaitSeconds(pauseSeconds, "payment-service stopped");
                    } finally {
                        consumer.resume();
                    }
                },
                run::allHealthy));
        faults.add(new Fault(
                "rolling restart (SIGTERM each service in turn)",
                () -> {
                    for (Service service : platform.services()) {
                        int restarts = platform.restarts(service);
                        platform.process(service).stop(Duration.ofSeconds(30));
                        awaitUntil(
                                () -> platform.restarts(service) > restarts && run.healthy(service),
                                service.serviceName() + " back after SIGTERM");
                    }
                },
                run::allHealthy));
        return faults;
    }

    /**
     * SIGKILL of one service. order-service is killed while its outbox relay holds its advisory lock, and
     * callback-dispatcher while it has deliveries claimed (on the wire); the fault's name says whether that
     * state was seen (within 15 s) before the kill.
     */
    private static Fault kill(FaultRun run, Platform platform, FullPlatform running, Service service) {
        String name = "kill -9 " + service.serviceName();
        String state = switch (service) {
            case ORDER_SERVICE -> " (relay lock held)";
            case CALLBACK_DISPATCHER -> " (deliveries claimed)";
            default -> "";
        };
        int[] restarts = new int[1];
        return new Fault(
                name + state,
                () -> {
                    if (service == Service.ORDER_SERVICE) {
                        awaitState(
                                running.database(service),
                                "select count(*) from pg_locks where locktype ="
                                        + " 'advisory' and granted and database = (select oid from pg_database where datname"
                                        + " = current_database())");
                    } else if (service == Service.CALLBACK_DISPATCHER) {
                        awaitState(
                                running.database(service),
                                "select count(*) from callbacks.delivery where claimed_until > now()");
                    }
                    restarts[0] = platform.restarts(service);
                    platform.process(service).kill();
                },
                () -> platform.restarts(service) > restarts[0] && run.healthy(service));
    }

    /** Waits up to 15 s for the query to count at least one row; the kill happens either way. */
    private static void awaitState(Database database, String countQuery) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection =
                            DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(countQuery)) {
                result.next();
                if (result.getLong(1) > 0) {
                    return;
                }
            } catch (SQLException e) {
                System.out.println("State query failed: " + e.getMessage());
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        System.out.println("State not seen within 15 s before the kill: " + countQuery);
    }

    // --- steady state and reference ---------------------------------------------------------------

    /** CPU per completed flow of each process over a steady window, before any fault. */
    private static Map<String, Object> steadyCpu(MixedLoad load, Platform platform, Path work, int seconds) {
        CpuTimes cpu = new CpuTimes(
                CpuTimes.platformParts(List.of(platform), work.resolve("kafka"), work.resolve("postgres")));
        int completedBefore = load.completedFlows();
        Map<String, Long> before = cpu.read();
        long start = System.nanoTime();
        awaitSeconds(seconds, "steady window");
        Map<String, Long> after = cpu.read();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int completed = load.completedFlows() - completedBefore;
        Map<String, Object> steady = new LinkedHashMap<>();
        steady.put("seconds", elapsed.toSeconds());
        steady.put("flows_completed", completed);
        steady.put("flows_completed_per_second", Math.round(completed / (elapsed.toMillis() / 1000.0) * 10) / 10.0);
        steady.put("cpu_ms_per_flow", cpu.perUnit(before, after, completed));
        steady.put("cores_used", cpu.coresUsed(before, after, elapsed));
        return steady;
    }

    private static BenchResults describe(
            BenchResults results,
            double rate,
            int flowsAroundFaults,
            int warmupSeconds,
            int steadySeconds,
            int pauseSeconds) {
        return results.line("Issue 15's faults, one after the other, under a steady open-loop mixed load of " + rate
                        + " flows/s for the whole run: " + MixedLoad.MIX + ". Clients retry as the contract says (no"
                        + " answer, 502/503/504, 409 key in flight; Retry-After), always with the same"
                        + " Idempotency-Key.")
                .line("The platform runs as `bin/orderhub-local` runs it: four services and the edge as separate"
                        + " processes (`-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`), each restarted after its"
                        + " process ends (back-off 1 s doubling to 30 s), on a KRaft broker and PostgreSQL 15"
                        + " (`LocalPostgres`, fsync and synchronous_commit on) of their own; Stripe's API and the"
                        + " channels' callback endpoints are WireMock in the benchmark's JVM.")
                .line("Before each fault the load completes " + flowsAroundFaults + " flows undisturbed; after"
                        + " the platform is healthy again and its consumers have caught up with what was published"
                        + " until then, " + flowsAroundFaults + " more (the fault's window). Then the flows completed"
                        + " since the previous audit are audited: every order answered 2xx exists once and is paid"
                        + " exactly its total, has one payment that succeeded once, its channel received the paid"
                        + " callback, callback versions never go back; nothing is dead-lettered. At the end, outboxes"
                        + " drain and lag returns to zero.")
                .line("Warm-up " + warmupSeconds + " s, then CPU per flow per process over " + steadySeconds
                        + " s of steady load (`steady_state`); SIGSTOP lasts " + pauseSeconds + " s; the reference"
                        + " (`reference_pgbench`) is pgbench on the same PostgreSQL server once the load stopped.")
                .line("The machine (2 cores) was shared with two other sessions building and testing while this ran:"
                        + " `cores_used.other_processes` in `steady_state` says how much they took.");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Lets the load run for a while: a phase of the benchmark, not a synchronisation. */
    private static void awaitSeconds(int seconds, String what) {
        System.out.printf("%s: %d s%n", what, seconds);
        LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(RECOVERY);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": not within " + RECOVERY);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    private static int intArgument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }
}
