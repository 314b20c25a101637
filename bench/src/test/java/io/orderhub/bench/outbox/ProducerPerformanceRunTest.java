package io.orderhub.bench.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerPerformanceRunTest {

    /** Lines as ProducerPerformance 4.1 prints them: periodic windows, then the closing summary. */
    private static final List<String> OUTPUT = List.of(
            "4996 records sent, 999.0 records/sec (0.57 MB/sec), 12.3 ms avg latency, 310.0 ms max latency.",
            "5002 records sent, 1000.2 records/sec (0.57 MB/sec), 3.1 ms avg latency, 44.0 ms max latency.",
            "10000 records sent, 979.6 records/sec (0.56 MB/sec), 27.04 ms avg latency, 1061.00 ms max latency,"
                    + " 10 ms 50th, 122 ms 95th, 172 ms 99th, 227 ms 99.9th.");

    @Test
    void readsThePercentilesFromTheToolsClosingLine() {
        ProducerPerformanceRun.Result result = ProducerPerformanceRun.parse(OUTPUT, Path.of("pp.log"));

        assertThat(result.records()).isEqualTo(10_000);
        assertThat(result.recordsPerSecond()).isEqualTo(979.6);
        assertThat(result.megabytesPerSecond()).isEqualTo(0.56);
        assertThat(result.averageMillis()).isEqualTo(27.04);
        assertThat(result.maxMillis()).isEqualTo(1061.0);
        assertThat(result.p50Millis()).isEqualTo(10);
        assertThat(result.p95Millis()).isEqualTo(122);
        assertThat(result.p99Millis()).isEqualTo(172);
        assertThat(result.p999Millis()).isEqualTo(227);
    }

    @Test
    void failsWhenTheToolPrintedNoSummary() {
        assertThatThrownBy(() -> ProducerPerformanceRun.parse(OUTPUT.subList(0, 2), Path.of("pp.log")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no summary line")
                .hasMessageContaining("pp.log");
    }

    @Test
    void asksForAcknowledgementByAllReplicasFromAnIdempotentProducer() {
        assertThat(ProducerPerformanceRun.producerProps("127.0.0.1:9092"))
                .contains("acks=all", "enable.idempotence=true", "bootstrap.servers=127.0.0.1:9092");
    }
}
