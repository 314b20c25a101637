package io.orderhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Writes one benchmark's results to {@code bench/results/<name>.json} and {@code <name>.md}: the figures,
 * and the machine and time they were measured on, so a number never travels without its context.
 */
public final class BenchResults {

    private final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final StringBuilder summary = new StringBuilder();

    public BenchResults(String name) {
        this.name = name;
    }

    public BenchResults figure(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    /** p50, p90, p99, p99.9 and max of a latency histogram recorded in microseconds, in milliseconds. */
    public BenchResults latency(String key, Histogram micros) {
        figures.put(key, percentiles(micros));
        return this;
    }

    /** Count, p50, p90, p99, p99.9 and max of a latency histogram recorded in microseconds, in milliseconds. */
    public static Map<String, Object> percentiles(Histogram micros) {
        Map<String, Object> percentiles = new LinkedHashMap<>();
        percentiles.put("count", micros.getTotalCount());
        percentiles.put("p50_ms", millis(micros.getValueAtPercentile(50)));
        percentiles.put("p90_ms", millis(micros.getValueAtPercentile(90)));
        percentiles.put("p99_ms", millis(micros.getValueAtPercentile(99)));
        percentiles.put("p999_ms", millis(micros.getValueAtPercentile(99.9)));
        percentiles.put("max_ms", millis(micros.getMaxValue()));
        return percentiles;
    }

    /** A line of prose for the markdown file: what was measured and how to read it. */
    public BenchResults line(String text) {
        summary.append(text).append('\n');
        return this;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    /** Writes both files under {@code <root>/bench/results} and prints the markdown. */
    public void write(Path root) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", name);
        document.put(
                "measured_at",
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        document.put("machine", machine());
        document.put("figures", figures);
        Path directory = root.resolve("bench").resolve("results");
        // BENCH_RESULTS_SUFFIX keeps a variant's results beside the default run's (e.g. "-sampling-10").
        String file = name + System.getenv().getOrDefault("BENCH_RESULTS_SUFFIX", "");
        document.put("variables", variables());
        try {
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve(file + ".json"),
                    new ObjectMapper()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(document) + "\n");
            String markdown = "# " + file + "\n\n" + summary + "\n```json\n"
                    + new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(document)
                    + "\n```\n";
            Files.writeString(directory.resolve(file + ".md"), markdown);
            System.out.println(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the run was told besides its arguments: the BENCH_* variables, so a variant says how it differed. */
    private static Map<String, String> variables() {
        Map<String, String> variables = new java.util.TreeMap<>();
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("BENCH_")) {
                variables.put(key, value);
            }
        });
        return variables;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put(
                "memory_gib",
                ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                                .getTotalMemorySize()
                        / (1L << 30));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    /** The repository root: {@code -Dorderhub.root}, else the working directory. */
    public static Path root() {
        return Path.of(System.getProperty("orderhub.root", "."))
                .toAbsolutePath()
                .normalize();
    }
}
