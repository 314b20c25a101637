package io.orderhub.bench.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run measures and for how long. The defaults are the full run; {@code --quick} is a short
 * smoke run that proves the benchmark works, not a measurement.
 *
 * @param rate records (ProducerPerformance) and committed rows (relay) per second in the latency runs
 * @param latencyDuration how long each latency run lasts, after its warm-up
 * @param warmUp how long the writers run before the relay's latency is recorded
 * @param peakRecords records ProducerPerformance sends unthrottled for the broker's peak
 * @param backlogRows outbox rows preloaded with the relay off, then drained
 * @param writers threads committing outbox rows in the latency run
 * @param recordSize bytes of a record (ProducerPerformance) and of an outbox payload
 */
record BenchSettings(
        String mode,
        int rate,
        Duration latencyDuration,
        Duration warmUp,
        long peakRecords,
        int backlogRows,
        int writers,
        int recordSize,
        boolean profileRelay) {

    static final String USAGE = """
            bench/run OutboxRelayBench [--quick] [--rate N] [--latency-seconds N] [--warmup-seconds N]
                                       [--peak-records N] [--backlog-rows N] [--writers N] [--profile-relay]
              --quick          a short smoke run (10 s latency runs, 50,000-row backlog): proves it works, measures little
              --profile-relay  samples the relay thread's stack every 5 ms: where its wall-clock time goes
            """;

    static BenchSettings full() {
        return new BenchSettings(
                "full", 1_000, Duration.ofSeconds(60), Duration.ofSeconds(10), 1_000_000, 200_000, 16, 600, false);
    }

    static BenchSettings quick() {
        return new BenchSettings(
                "quick", 1_000, Duration.ofSeconds(10), Duration.ofSeconds(3), 200_000, 50_000, 16, 600, false);
    }

    static BenchSettings parse(String... args) {
        BenchSettings settings = List.of(args).contains("--quick") ? quick() : full();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick")) {
                continue;
            }
            if (arg.equals("--profile-relay")) {
                settings = new BenchSettings(
                        settings.mode(),
                        settings.rate(),
                        settings.latencyDuration(),
                        settings.warmUp(),
                        settings.peakRecords(),
                        settings.backlogRows(),
                        settings.writers(),
                        settings.recordSize(),
                        true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + arg + "\n" + USAGE);
            }
            long value = positive(arg, args[++i]);
            settings = switch (arg) {
                case "--rate" -> settings.with((int) value, null, null, -1, -1, -1);
                case "--latency-seconds" -> settings.with(-1, Duration.ofSeconds(value), null, -1, -1, -1);
                case "--warmup-seconds" -> settings.with(-1, null, Duration.ofSeconds(value), -1, -1, -1);
                case "--peak-records" -> settings.with(-1, null, null, value, -1, -1);
                case "--backlog-rows" -> settings.with(-1, null, null, -1, (int) value, -1);
                case "--writers" -> settings.with(-1, null, null, -1, -1, (int) value);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            };
        }
        return settings;
    }

    /** A changed copy; the mode records that a preset was overridden. */
    private BenchSettings with(
            int newRate, Duration newLatency, Duration newWarmUp, long newPeak, int newBacklog, int newWriters) {
        return new BenchSettings(
                mode.endsWith("+custom") ? mode : mode + "+custom",
                newRate > 0 ? newRate : rate,
                newLatency != null ? newLatency : latencyDuration,
                newWarmUp != null ? newWarmUp : warmUp,
                newPeak > 0 ? newPeak : peakRecords,
                newBacklog > 0 ? newBacklog : backlogRows,
                newWriters > 0 ? newWriters : writers,
                recordSize,
                profileRelay);
    }

    private static long positive(String option, String text) {
        try {
            long value = Long.parseLong(text.replace("_", "").replace(",", ""));
            if (value <= 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(option + " must be between 1 and " + Integer.MAX_VALUE);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + text + "\n" + USAGE, e);
        }
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("mode", mode);
        described.put("rate_per_s", rate);
        described.put("latency_run_s", latencyDuration.toSeconds());
        described.put("relay_warm_up_s", warmUp.toSeconds());
        described.put("peak_records", peakRecords);
        described.put("backlog_rows", backlogRows);
        described.put("writer_threads", writers);
        described.put("record_bytes", recordSize);
        described.put("profile_relay", profileRelay);
        return described;
    }
}
