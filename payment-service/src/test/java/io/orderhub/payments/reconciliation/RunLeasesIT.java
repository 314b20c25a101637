package io.orderhub.payments.reconciliation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.messaging.id.Ids;
import io.orderhub.payments.PaymentsTestBase;
import io.orderhub.payments.Simulators;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Runs left running by a stopped instance fail once their lease runs out; the runs an instance holds do not. */
class RunLeasesIT extends PaymentsTestBase {

    private static final String EMPTY_LIST = """
            {"object": "list", "url": "%s", "has_more": false, "data": []}""";

    @Autowired
    RunLeases leases;

    @Autowired
    ReconciliationRepository runs;

    @Autowired
    RunSteps steps;

    @Test
    void failsARunAStoppedInstanceLeftAndKeepsTheRunThisInstanceIsCarryingOut() {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(40));
        // This instance's run: Stripe takes three seconds over the window's only page.
        stripeAnswersSlowly(day, day.plus(Duration.ofDays(1)));
        String carriedOut = startRun(day, day.plus(Duration.ofDays(1)));
        // Another instance's run, stored as it left it when it stopped: running, its lease an hour gone.
        UUID left = Ids.next();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        runs.insert(
                left,
                "stripe",
                day.minus(Duration.ofDays(1)),
                day,
                ReconciliationRun.Origin.ON_DEMAND,
                "admin",
                anHourAgo.minus(Duration.ofMinutes(5)),
                anHourAgo);

        // Sweeping as of ten minutes from now: far past both runs' first leases.
        List<UUID> abandoned = leases.renewAndSweep(Instant.now().plus(Duration.ofMinutes(10)));

        assertThat(abandoned).contains(left).doesNotContain(UUID.fromString(carriedOut));
        JsonNode failed = run(left.toString());
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("failure").asString()).startsWith("abandoned");
        assertThat(awaitFinished(carriedOut).path("status").asString()).isEqualTo("completed");
        // The stopped instance's run finishing late (its instance was only paused) stores nothing.
        assertThat(steps.complete(left, 1, 1, List.of(), Instant.now())).isFalse();
        assertThat(run(left.toString()).path("status").asString()).isEqualTo("failed");
    }

    private static void stripeAnswersSlowly(Instant from, Instant to) {
        Simulators.STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents"))
                .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))
                .withQueryParam("created[lt]", equalTo(String.valueOf(to.getEpochSecond())))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(EMPTY_LIST.formatted("/v1/payment_intents"))
                        .withFixedDelay(3000)));
        Simulators.STRIPE.stubFor(get(urlPathEqualTo("/v1/refunds"))
                .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(EMPTY_LIST.formatted("/v1/refunds"))));
    }

    private String startRun(Instant from, Instant to) {
        HttpResponse<String> started = admin().post("/api/v1/reconciliation/runs", """
                {"provider": "stripe", "from": "%s", "to": "%s"}
                """.formatted(from, to));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return data(started).path("id").asString();
    }

    private JsonNode run(String id) {
        return data(admin().get("/api/v1/reconciliation/runs/" + id));
    }

    private JsonNode awaitFinished(String id) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> run(id), run -> !run.path("status").asString().equals("running"));
    }
}
