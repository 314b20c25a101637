package io.orderhub.payments.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.payments.PaymentsTestBase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The daily schedule: every instance fires, one run per provider and day is started. */
class ReconciliationScheduleIT extends PaymentsTestBase {

    @Autowired
    ReconciliationSchedule schedule;

    @Test
    void startsOneRunPerConfiguredProviderForThePreviousDayHoweverManyInstancesFire() {
        Instant firedAt = Instant.parse("2024-03-15T01:30:00Z");

        List<UUID> first = schedule.runDue(firedAt);
        List<UUID> second = schedule.runDue(firedAt.plusSeconds(2));

        assertThat(first).hasSize(2);
        assertThat(second)
                .as("another instance firing finds the day's runs claimed")
                .isEmpty();
        List<JsonNode> runs = first.stream()
                .map(id -> data(admin().get("/api/v1/reconciliation/runs/" + id)))
                .toList();
        assertThat(runs)
                .extracting(run -> run.path("provider").asString())
                .containsExactlyInAnyOrder("stripe", "btcpay");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.path("origin").asString()).isEqualTo("scheduled");
            assertThat(run.path("from").asString()).isEqualTo("2024-03-14T00:00:00Z");
            assertThat(run.path("to").asString()).isEqualTo("2024-03-15T00:00:00Z");
        });
    }
}
