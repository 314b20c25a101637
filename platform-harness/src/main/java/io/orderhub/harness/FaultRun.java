package io.orderhub.harness;

import static org.awaitility.Awaitility.await;

import io.orderhub.harness.Audit.Kind;
import io.orderhub.harness.Audit.Problem;
import io.orderhub.harness.MixedLoad.Answer;
import io.orderhub.harness.MixedLoad.Flow;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * Single faults, one after the other, under a running {@link MixedLoad}: before each, the load runs a number of
 * flows undisturbed; then the fault is injected, the run waits until the platform is healthy again and its
 * consumers have caught up with what was published until then, and lets the load run as many flows again. Then
 * the flows completed since the previous audit are audited. Per fault it keeps the figures a shop and an operator
 * ask about: the load during the fault, the answers that were not 2xx (and whether each was a retriable 503 with
 * Retry-After), time to healthy, time to zero lag, and what was lost, doubled or out of order.
 */
public final class FaultRun {

    /** One fault: what is done to the platform, and when it counts as recovered. */
    public record Fault(String name, Action inject, BooleanSupplier recovered) {}

    /** What a fault does; it may block (a rolling restart waits for each service). */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** The figures of one fault. */
    public record Figures(
            String fault,
            Duration window,
            double flowsCompletedPerSecond,
            long answers,
            long not2xx,
            long retriable503WithRetryAfter,
            long otherRetriable,
            long notRetriable,
            Duration toHealthy,
            Duration toZeroLag,
            int flowsAudited,
            List<Problem> problems) {

        public long count(Kind kind) {
            return problems.stream().filter(problem -> problem.kind() == kind).count();
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final MixedLoad load;
    private final Audit audit;
    private final Platform platform;
    private final int flowsAroundFaults;
    private final Duration recovery;
    private final Set<String> audited = new HashSet<>();
    private final List<Figures> figures = new ArrayList<>();

    /**
     * @param flowsAroundFaults flows the load completes undisturbed before a fault, and again after the platform
     *     recovered from it
     * @param recovery how long the platform may take to recover from a fault, and the flows to settle
     */
    public FaultRun(MixedLoad load, Audit audit, Platform platform, int flowsAroundFaults, Duration recovery) {
        this.load = load;
        this.audit = audit;
        this.platform = platform;
        this.flowsAroundFaults = flowsAroundFaults;
        this.recovery = recovery;
    }

    /** Injects the fault under load and returns its figures (also kept for {@link #figures()}). */
    public Figures inject(Fault fault) throws Exception {
        int before = load.completedFlows();
        await().atMost(recovery).until(() -> load.completedFlows() >= before + flowsAroundFaults);
        load.phase(fault.name());
        Instant injected = Instant.now();
        int completedAtFault = load.completedFlows();
        fault.inject().run();
        await().atMost(recovery).pollInterval(Duration.ofMillis(250)).until(fault.recovered()::getAsBoolean);
        Duration toHealthy = Duration.between(injected, Instant.now());
        Map<TopicPartition, Long> published = audit.endOffsets();
        await().atMost(recovery).pollInterval(Duration.ofMillis(500)).until(() -> audit.caughtUp(published));
        Duration toZeroLag = Duration.between(injected, Instant.now());
        int recovered = load.completedFlows();
        await().atMost(recovery).until(() -> load.completedFlows() >= recovered + flowsAroundFaults);
        Duration window = Duration.between(injected, Instant.now());
        double rate = (load.completedFlows() - completedAtFault) / Math.max(1.0, window.toMillis() / 1000.0);
        load.phase("steady after " + fault.name());

        List<Flow> toAudit = load.flows().values().stream()
                .filter(flow -> !audited.contains(flow.orderId()))
                .toList();
        List<Problem> problems = audit.check(toAudit, recovery);
        toAudit.forEach(flow -> audited.add(flow.orderId()));

        List<Answer> during = load.answers().stream()
                .filter(answer -> answer.phase().equals(fault.name()))
                .toList();
        Figures result = new Figures(
                fault.name(),
                window,
                rate,
                during.size(),
                during.stream().filter(answer -> !answer.successful()).count(),
                during.stream()
                        .filter(answer -> answer.status() == 503 && answer.retryAfter())
                        .count(),
                during.stream()
                        .filter(answer -> answer.retriable() && !(answer.status() == 503 && answer.retryAfter()))
                        .count(),
                during.stream()
                        .filter(answer -> !answer.retriable() && !answer.successful())
                        .count(),
                toHealthy,
                toZeroLag,
                toAudit.size(),
                problems);
        figures.add(result);
        return result;
    }

    public List<Figures> figures() {
        return List.copyOf(figures);
    }

    /** The flows not audited after a fault yet (those that ended after the last one). */
    public List<Flow> unaudited() {
        return load.flows().values().stream()
                .filter(flow -> !audited.contains(flow.orderId()))
                .toList();
    }

    /** Whether the service answers its health with 200. */
    public boolean healthy(Service service) {
        return status(platform.url(service).resolve("/health")) == 200;
    }

    public boolean allHealthy() {
        return platform.services().stream().allMatch(this::healthy);
    }

    /** A Markdown table of the figures, a row per fault. */
    public static String table(List<Figures> figures) {
        StringBuilder table = new StringBuilder();
        table.append("| fault | window s | flows/s during | answers | not 2xx | of which 503 + Retry-After |"
                + " other retriable | not retriable | healthy after s | zero lag after s | flows audited |"
                + " lost | doubled | out of order |\n");
        table.append(
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Figures fault : figures) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %d | %d | %d | %d | %d | %.1f | %.1f | %d | %d | %d | %d |%n",
                    fault.fault(),
                    fault.window().toSeconds(),
                    fault.flowsCompletedPerSecond(),
                    fault.answers(),
                    fault.not2xx(),
                    fault.retriable503WithRetryAfter(),
                    fault.otherRetriable(),
                    fault.notRetriable(),
                    fault.toHealthy().toMillis() / 1000.0,
                    fault.toZeroLag().toMillis() / 1000.0,
                    fault.flowsAudited(),
                    fault.count(Kind.LOST),
                    fault.count(Kind.DOUBLED),
                    fault.count(Kind.OUT_OF_ORDER)));
        }
        return table.toString();
    }

    /** The answers that were not 2xx, counted by fault, step and status (0 = no answer). */
    public static Map<String, Long> not2xxByFaultStepAndStatus(List<Answer> answers) {
        return answers.stream()
                .filter(answer -> !answer.successful())
                .collect(Collectors.groupingBy(
                        answer -> answer.phase() + " / " + answer.step() + " / " + answer.status()
                                + (answer.retryAfter() ? " Retry-After" : ""),
                        TreeMap::new,
                        Collectors.counting()));
    }

    /** One fault's figures as a map, for a benchmark's JSON results. */
    public static Map<String, Object> asMap(Figures fault) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("fault", fault.fault());
        map.put("window_seconds", fault.window().toSeconds());
        map.put("flows_completed_per_second", Math.round(fault.flowsCompletedPerSecond() * 10) / 10.0);
        map.put("answers", fault.answers());
        map.put("not_2xx", fault.not2xx());
        map.put("retriable_503_with_retry_after", fault.retriable503WithRetryAfter());
        map.put("other_retriable", fault.otherRetriable());
        map.put("not_retriable", fault.notRetriable());
        map.put("healthy_after_seconds", fault.toHealthy().toMillis() / 1000.0);
        map.put("zero_lag_after_seconds", fault.toZeroLag().toMillis() / 1000.0);
        map.put("flows_audited", fault.flowsAudited());
        map.put("lost", fault.count(Kind.LOST));
        map.put("doubled", fault.count(Kind.DOUBLED));
        map.put("out_of_order", fault.count(Kind.OUT_OF_ORDER));
        map.put(
                "problems",
                fault.problems().stream()
                        .map(problem -> problem.kind() + ": " + problem.what())
                        .toList());
        return map;
    }

    private static int status(URI url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(url)
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException | UncheckedIOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
