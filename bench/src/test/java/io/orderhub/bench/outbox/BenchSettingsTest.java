package io.orderhub.bench.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void runsTheFullMeasurementWithoutOptions() {
        BenchSettings settings = BenchSettings.parse();

        assertThat(settings.mode()).isEqualTo("full");
        assertThat(settings.rate()).isEqualTo(1_000);
        assertThat(settings.recordSize()).isEqualTo(600);
        assertThat(settings.latencyDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.profileRelay()).isFalse();
    }

    @Test
    void quickRunIsShorterThanTheFullRunAtTheSameRateAndSize() {
        BenchSettings quick = BenchSettings.parse("--quick");
        BenchSettings full = BenchSettings.full();

        assertThat(quick.mode()).isEqualTo("quick");
        assertThat(quick.latencyDuration()).isLessThan(full.latencyDuration());
        assertThat(quick.backlogRows()).isLessThan(full.backlogRows());
        assertThat(quick.rate()).isEqualTo(full.rate());
        assertThat(quick.recordSize()).isEqualTo(full.recordSize());
    }

    @Test
    void marksAPresetWithOverriddenValuesAsCustom() {
        BenchSettings settings =
                BenchSettings.parse("--latency-seconds", "120", "--quick", "--backlog-rows", "100_000");

        assertThat(settings.mode()).isEqualTo("quick+custom");
        assertThat(settings.latencyDuration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.backlogRows()).isEqualTo(100_000);
    }

    @Test
    void profilesTheRelayOnlyWhenAsked() {
        assertThat(BenchSettings.parse("--profile-relay").profileRelay()).isTrue();
    }

    @Test
    void rejectsUnknownOptionsWithTheUsage() {
        assertThatThrownBy(() -> BenchSettings.parse("--records", "5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --records")
                .hasMessageContaining("bench/run OutboxRelayBench");
    }

    @Test
    void rejectsAMissingOrNonPositiveValue() {
        assertThatThrownBy(() -> BenchSettings.parse("--rate")).hasMessageContaining("Missing value after --rate");
        assertThatThrownBy(() -> BenchSettings.parse("--rate", "0")).hasMessageContaining("--rate must be between");
        assertThatThrownBy(() -> BenchSettings.parse("--rate", "fast")).hasMessageContaining("--rate needs a number");
    }
}
