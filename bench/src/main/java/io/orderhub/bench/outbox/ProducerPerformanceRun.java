package io.orderhub.bench.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} (what {@code kafka-producer-perf-test.sh}
 * runs), in a child JVM as the script runs it, with its output kept in a log file. Its final line is
 * the broker's reference: records/s and send → acknowledgement latency percentiles (whole
 * milliseconds, as the tool prints them).
 */
final class ProducerPerformanceRun {

    /** The tool's closing line, e.g. "60000 records sent, 999.9 records/sec (0.57 MB/sec), 3.10 ms avg ...". */
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th\\.");

    private ProducerPerformanceRun() {}

    /** The producer settings both the tool and the relay use: acknowledged by all replicas, idempotent. */
    static List<String> producerProps(String bootstrapServers) {
        return List.of(
                "bootstrap.servers=" + bootstrapServers,
                "acks=all",
                "enable.idempotence=true",
                "max.in.flight.requests.per.connection=5",
                "client.id=producer-performance");
    }

    /**
     * @param throughput records per second, or -1 for unthrottled
     */
    static Result run(
            String bootstrapServers,
            String topic,
            long records,
            int recordSize,
            int throughput,
            Path workDirectory,
            String label) {
        Path log = workDirectory.resolve("producer-performance-" + label + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m",
                "-Xmx512m",
                "-Dlogback.configurationFile=" + quietLogback(workDirectory),
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                Integer.toString(throughput),
                "--producer-props"));
        command.addAll(producerProps(bootstrapServers));
        Duration timeout = Duration.ofSeconds(120 + (throughput > 0 ? 2 * records / throughput : records / 1_000));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(
                        "ProducerPerformance did not finish within " + timeout + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "ProducerPerformance exited with " + process.exitValue() + "; see " + log);
            }
            return parse(Files.readAllLines(log), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run ProducerPerformance", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ProducerPerformance ran", e);
        }
    }

    static Result parse(List<String> output, Path log) {
        for (int i = output.size() - 1; i >= 0; i--) {
            Matcher matcher = SUMMARY.matcher(output.get(i));
            if (matcher.find()) {
                return new Result(
                        Long.parseLong(matcher.group(1)),
                        Double.parseDouble(matcher.group(2)),
                        Double.parseDouble(matcher.group(3)),
                        Double.parseDouble(matcher.group(4)),
                        Double.parseDouble(matcher.group(5)),
                        Integer.parseInt(matcher.group(6)),
                        Integer.parseInt(matcher.group(7)),
                        Integer.parseInt(matcher.group(8)),
                        Integer.parseInt(matcher.group(9)),
                        matcher.group());
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary line; see " + log);
    }

    /** Without a configuration, logback logs every Kafka client DEBUG line to the console. */
    private static Path quietLogback(Path workDirectory) {
        Path config = workDirectory.resolve("logback-producer-performance.xml");
        try {
            Files.writeString(config, """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="out"/></root>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    record Result(
            long records,
            double recordsPerSecond,
            double megabytesPerSecond,
            double averageMillis,
            double maxMillis,
            int p50Millis,
            int p95Millis,
            int p99Millis,
            int p999Millis,
            String summary) {

        Map<String, Object> describe() {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("records", records);
            described.put("records_per_s", recordsPerSecond);
            described.put("mb_per_s", megabytesPerSecond);
            described.put("avg_ms", averageMillis);
            described.put("p50_ms", p50Millis);
            described.put("p95_ms", p95Millis);
            described.put("p99_ms", p99Millis);
            described.put("p999_ms", p999Millis);
            described.put("max_ms", maxMillis);
            described.put("tool_output", summary);
            return described;
        }
    }
}
