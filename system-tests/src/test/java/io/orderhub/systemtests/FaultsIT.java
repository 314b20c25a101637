package io.orderhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.harness.Audit;
import io.orderhub.harness.Audit.Problem;
import io.orderhub.harness.FaultRun;
import io.orderhub.harness.FaultRun.Fault;
import io.orderhub.harness.FullPlatform;
import io.orderhub.harness.MixedLoad;
import io.orderhub.harness.MixedLoad.Flow;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.local.postgres.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single faults under a steady open-loop load — the CI profile of issue 15's fault benchmark (bench's
 * FaultBench runs every fault) — on the platform as {@code bin/orderhub-local} runs it: separate processes,
 * each restarted when it dies, on a broker and a PostgreSQL server of their own. Each service and the edge is
 * killed with SIGKILL in turn, then the broker is restarted, then PostgreSQL (fast shutdown). The load is
 * {@link MixedLoad}'s: the plugin's orders paid through Stripe's and BTCPay's signed webhooks (some sent twice,
 * some followed by an older event), the till's orders with recorded payments, refunds and the channels' status
 * transitions, retried as the contract says. After each fault and at the end the {@link Audit}: every flow
 * answered 2xx took effect exactly once (payments, refunds, transitions) and reached its channel, callbacks
 * never went back; at the end outboxes are empty, consumers have no lag and nothing was dead-lettered. The
 * figures per fault go to {@code target/faults-it.md}.
 */
class FaultsIT {

    private static final int FLOWS_PER_SECOND = 3;
    private static final int FLOWS_AROUND_FAULTS = 15;
    private static final Duration RECOVERY = Duration.ofMinutes(4);

    private static KafkaBroker broker;
    private static LocalPostgres postgres;
    private static FullPlatform running;
    private static Platform platform;

    @BeforeAll
    static void startThePlatform() throws IOException {
        broker = KafkaBroker.start(
                Files.createTempDirectory("faults-kafka"),
                0,
                List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC"),
                true);
        postgres = LocalPostgres.startPersistent(Files.createTempDirectory("faults-postgres"), 0);
        running = FullPlatform.startSupervised(
                Path.of("target", "service-logs", "faults"), broker.bootstrapServers(), postgres);
        platform = running.platform();
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killingAnyProcessOrRestartingTheBrokerOrTheDatabaseUnderLoadLosesAndDoublesNothing() throws Exception {
        Audit audit = Audit.of(running, broker.bootstrapServers());
        try (MixedLoad load = MixedLoad.start(running, FLOWS_PER_SECOND, "faults-")) {
            FaultRun run = new FaultRun(load, audit, platform, FLOWS_AROUND_FAULTS, RECOVERY);
            for (Service service : platform.services()) {
                int restarts = platform.restarts(service);
                run.inject(new Fault(
                        "kill -9 " + service.serviceName(),
                        () -> platform.process(service).kill(),
                        () -> platform.restarts(service) > restarts && run.healthy(service)));
            }
            run.inject(new Fault(
                    "Kafka broker restart",
                    () -> {
                        broker.stop();
                        broker.restart();
                    },
                    run::allHealthy));
            run.inject(new Fault(
                    "PostgreSQL restart (fast shutdown)",
                    () -> postgres.restart(LocalPostgres.Shutdown.FAST),
                    run::allHealthy));
            load.stopAndAwaitFlows(RECOVERY);

            Duration drained = audit.awaitDrained(RECOVERY);
            List<Problem> problems = new ArrayList<>();
            run.figures().forEach(fault -> problems.addAll(fault.problems()));
            problems.addAll(audit.check(run.unaudited(), RECOVERY));
            String report = report(load, run, problems, drained);
            Files.writeString(Path.of("target", "faults-it.md"), report);

            assertThat(load.failures()).as(report).isEmpty();
            assertThat(load.unexpectedAnswers()).as(report).isEmpty();
            assertThat(problems).as(report).isEmpty();
        }
    }

    /** How many flows of each kind completed, and how many refunded and moved their order. */
    private static String mix(Collection<Flow> flows) {
        Map<MixedLoad.Kind, Long> byKind =
                flows.stream().collect(Collectors.groupingBy(Flow::kind, TreeMap::new, Collectors.counting()));
        return byKind.entrySet().stream()
                        .map(kind ->
                                kind.getValue() + " " + kind.getKey().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))
                + "; " + flows.stream().filter(flow -> flow.refundKey() != null).count() + " refunded, "
                + flows.stream().filter(Flow::transitioned).count() + " moved to processing";
    }

    private static String report(MixedLoad load, FaultRun run, List<Problem> problems, Duration drained) {
        StringBuilder report = new StringBuilder();
        report.append("FaultsIT: ")
                .append(load.flows().size())
                .append(" flows completed at ")
                .append(FLOWS_PER_SECOND)
                .append(" flows/s (open loop; ")
                .append(mix(load.flows().values()))
                .append("), ")
                .append(load.failures().size())
                .append(" failed; outboxes empty and no lag ")
                .append(drained.toSeconds())
                .append(" s after the load stopped; audit ")
                .append(problems.isEmpty() ? "clean" : problems.size() + " problems")
                .append("\n\n")
                .append(FaultRun.table(run.figures()))
                .append("\nanswers that were not 2xx, by fault, step and status (0 = no answer):\n");
        FaultRun.not2xxByFaultStepAndStatus(load.answers())
                .forEach((key, count) -> report.append("  ")
                        .append(key)
                        .append(": ")
                        .append(count)
                        .append('\n'));
        load.unexpectedAnswers()
                .forEach(answer -> report.append("unexpected: ").append(answer).append('\n'));
        load.failures()
                .forEach(failure -> report.append("failed: ").append(failure).append('\n'));
        problems.forEach(problem -> report.append("audit: ").append(problem).append('\n'));
        return report.toString();
    }
}
