package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.ProviderEventType;
import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reconciliation runs against Stripe's and BTCPay's list APIs as WireMock speaks them (Stripe: {@code created}
 * filters, {@code limit}, {@code has_more}, {@code starting_after}; Greenfield: {@code startDate}, {@code endDate},
 * {@code skip}, {@code take}). Each test reads a window of its own: tight around the payments it creates, or a day
 * in the past where the hub has none.
 */
class ReconciliationIT extends PaymentsTestBase {

    private static final String STORE = "/api/v1/stores/" + Simulators.BTCPAY_STORE;

    @Autowired
    MeterRegistry meters;

    @Test
    void findsEveryKindOfMismatchInAStripeWindowReadPageByPage() {
        Instant from = nextSecond();
        Hub a = stripePayment("10.00");
        Hub b = stripePayment("10.00");
        Hub c = stripePayment("10.00");
        Hub d = stripePayment("10.00");
        Hub e = stripePayment("10.00");
        Hub g = stripePayment("10.00");
        StripePaymentsIT.sendStripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                "payment_intent.succeeded",
                d.intent,
                paymentIntentJson(d.intent, 1000, "succeeded", d.id, d.orderId));
        awaitPayment(d.id, status("succeeded"));
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        stripeHasNo(e.intent);
        String f = stripeId("pi");
        long created = from.getEpochSecond();
        stripeLists(
                from,
                to,
                null,
                true,
                intent(f, 2500, "eur", "succeeded", null, created),
                intent(a.intent, 1000, "eur", "succeeded", a.id, created),
                intent(b.intent, 1100, "eur", "requires_payment_method", b.id, created));
        stripeLists(
                from,
                to,
                b.intent,
                false,
                intent(c.intent, 1000, "usd", "requires_payment_method", c.id, created),
                intent(d.intent, 1000, "eur", "succeeded", d.id, created),
                intent(g.intent, 1000, "eur", "canceled", g.id, created));
        stripeRefunds(
                from,
                refund(stripeId("re"), d.intent, 300, "succeeded"),
                refund(stripeId("re"), a.intent, 200, "pending"));

        JsonNode run = awaitRun(startRun("stripe", from, to));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("completed");
        assertThat(run.path("provider_payments").asInt()).isEqualTo(6);
        assertThat(run.path("hub_payments").asInt()).isEqualTo(6);
        assertThat(counts(run))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "missing_in_hub", 1,
                        "missing_at_provider", 1,
                        "status_differs", 2,
                        "amount_differs", 1,
                        "currency_differs", 1,
                        "refund_differs", 1));
        assertThat(run.path("unresolved").asInt()).isEqualTo(6);
        JsonNode missing = mismatch(run, f);
        assertThat(missing.path("kind").asString()).isEqualTo("missing_in_hub");
        assertThat(missing.path("payment_id").isNull()).isTrue();
        assertThat(missing.at("/provider/amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(missing.path("resolution").asString()).isEqualTo("reported");
        JsonNode applied = mismatch(run, a.intent);
        assertThat(applied.path("kind").asString()).isEqualTo("status_differs");
        assertThat(applied.path("payment_id").asString()).isEqualTo(a.id.toString());
        assertThat(applied.at("/hub/status").asString()).isEqualTo("pending");
        assertThat(applied.at("/provider/status").asString()).isEqualTo("succeeded");
        assertThat(applied.path("resolution").asString()).isEqualTo("applied");
        assertThat(mismatch(run, b.intent).path("kind").asString()).isEqualTo("amount_differs");
        assertThat(mismatch(run, b.intent).at("/provider/amount").decimalValue())
                .isEqualByComparingTo("11.00");
        assertThat(mismatch(run, c.intent).path("kind").asString()).isEqualTo("currency_differs");
        assertThat(mismatch(run, c.intent).at("/provider/currency").asString()).isEqualTo("USD");
        assertThat(mismatch(run, d.intent).path("kind").asString()).isEqualTo("refund_differs");
        assertThat(mismatch(run, g.intent).path("kind").asString()).isEqualTo("status_differs");
        assertThat(mismatch(run, g.intent).path("resolution").asString()).isEqualTo("reported");
        assertThat(mismatch(run, e.intent).path("kind").asString()).isEqualTo("missing_at_provider");
        assertThat(payment(a.id).path("status").asString()).isEqualTo("succeeded");
        assertThat(payment(b.id).path("status").asString())
                .as("reported, never changed")
                .isEqualTo("pending");
        assertThat(payment(g.id).path("status").asString())
                .as("reported, never changed")
                .isEqualTo("pending");

        List<LoggedRequest> pages = Simulators.STRIPE.findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))
                .withQueryParam("created[lt]", equalTo(String.valueOf(to.getEpochSecond()))));
        assertThat(pages).hasSize(2);
        assertThat(pages)
                .allSatisfy(page ->
                        assertThat(page.queryParameter("limit").firstValue()).isEqualTo("100"));
        assertThat(pages.get(0).queryParameter("starting_after").isPresent()).isFalse();
        assertThat(pages.get(1).queryParameter("starting_after").firstValue()).isEqualTo(b.intent);
        assertThat(Simulators.STRIPE.findAll(getRequestedFor(urlPathEqualTo("/v1/refunds"))
                        .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))))
                .hasSize(1);
    }

    @Test
    void appliesAPaymentThatSucceededAtStripeOnceWhateverRunsOrWebhooksFollow() {
        Instant from = nextSecond();
        Hub a = stripePayment("20.00");
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        stripeLists(from, to, null, false, intent(a.intent, 2000, "eur", "succeeded", a.id, from.getEpochSecond()));
        stripeRefunds(from);

        JsonNode first = awaitRun(startRun("stripe", from, to));
        JsonNode second = awaitRun(startRun("stripe", from, to));

        assertThat(mismatch(first, a.intent).path("resolution").asString()).isEqualTo("applied");
        assertThat(second.path("status").asString()).isEqualTo("completed");
        assertThat(second.path("mismatches")).as("nothing differs any more").isEmpty();
        assertThat(reconciliationEntries(a.id)).hasSize(1);
        awaitPublishedOnceInOrder(a.id, 2);

        double ignoredBefore = providerEvents("ignored");
        StripePaymentsIT.sendStripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                "payment_intent.succeeded",
                a.intent,
                paymentIntentJson(a.intent, 2000, "succeeded", a.id, a.orderId));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> providerEvents("ignored") > ignoredBefore);

        assertThat(reconciliationEntries(a.id))
                .as("the late webhook is a no-op")
                .hasSize(1);
        assertThat(data(woo().get("/api/v1/payments/" + a.id + "/history"))
                        .valueStream()
                        .filter(entry -> entry.path("new_status").asString().equals("succeeded")))
                .hasSize(1);
    }

    @Test
    void readsBtcpayInvoicesPageByPageAndAppliesASettledInvoiceTheHubMissed() {
        Instant from = nextSecond();
        Hub hub = btcpayPayment();
        String invoice = hub.intent;
        UUID paymentId = hub.id;
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long createdTime = from.getEpochSecond();
        List<String> withoutHub = IntStream.range(0, 100)
                .mapToObj(i -> invoice("inv-outside-" + UUID.randomUUID(), "Settled", null, createdTime))
                .toList();
        btcpayLists(from, to, 0, withoutHub);
        btcpayLists(
                from,
                to,
                100,
                List.of(
                        invoice(invoice, "Settled", paymentId, createdTime),
                        invoice("inv-later-" + UUID.randomUUID(), "New", null, to.getEpochSecond() + 5)));

        JsonNode run = awaitRun(startRun("btcpay", from, to));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("completed");
        assertThat(run.path("provider_payments").asInt())
                .as("the invoice created after the window is left out")
                .isEqualTo(101);
        assertThat(counts(run)).containsEntry("missing_in_hub", 100).containsEntry("status_differs", 1);
        assertThat(mismatch(run, invoice).path("resolution").asString()).isEqualTo("applied");
        assertThat(payment(paymentId).path("status").asString()).isEqualTo("succeeded");
        assertThat(reconciliationEntries(paymentId)).hasSize(1);
        List<LoggedRequest> pages = Simulators.BTCPAY.findAll(getRequestedFor(urlPathEqualTo(STORE + "/invoices"))
                .withQueryParam("startDate", equalTo(String.valueOf(from.getEpochSecond()))));
        assertThat(pages)
                .extracting(page -> page.queryParameter("skip").firstValue())
                .containsExactly("0", "100");
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.queryParameter("take").firstValue()).isEqualTo("100");
            assertThat(page.queryParameter("endDate").firstValue()).isEqualTo(String.valueOf(to.getEpochSecond()));
            assertThat(page.getHeader("Authorization")).isEqualTo("token " + Simulators.BTCPAY_KEY);
        });
    }

    @Test
    void completesAWindowOfTenThousandStripePaymentsReadInAHundredPages() {
        Instant from = pastDay(11);
        Instant to = from.plus(Duration.ofDays(1));
        String previous = null;
        for (int page = 0; page < 100; page++) {
            List<String> intents = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                intents.add(intent(
                        "pi_bulk_" + from.getEpochSecond() + "_" + (page * 100 + i),
                        1000 + i,
                        "eur",
                        "succeeded",
                        null,
                        from.getEpochSecond() + page));
            }
            stripeLists(from, to, previous, page < 99, intents.toArray(String[]::new));
            previous = "pi_bulk_" + from.getEpochSecond() + "_" + (page * 100 + 99);
        }
        stripeRefunds(from);

        JsonNode run = awaitRun(startRun("stripe", from, to), Duration.ofMinutes(3));

        assertThat(run.path("status").asString())
                .as(run.path("failure").toString())
                .isEqualTo("completed");
        assertThat(run.path("provider_payments").asInt()).isEqualTo(10_000);
        assertThat(counts(run)).containsEntry("missing_in_hub", 10_000);
        assertThat(run.path("mismatches")).hasSize(10_000);
        assertThat(Simulators.STRIPE.findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))))
                .hasSize(100);
    }

    @Test
    void waitsOutRateLimitsOfStripeAndOfBtcpayRetryAfter() {
        Instant from = pastDay(20);
        Instant to = from.plus(Duration.ofDays(1));
        String intent = stripeId("pi");
        String scenario = "stripe-429-" + from;
        Simulators.STRIPE.stubFor(stripeListCall(from, to, null)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(stripeRateLimited())
                .willSetStateTo("answered"));
        Simulators.STRIPE.stubFor(stripeListCall(from, to, null)
                .inScenario(scenario)
                .whenScenarioStateIs("answered")
                .willReturn(json(list(
                        "/v1/payment_intents",
                        false,
                        List.of(intent(intent, 500, "eur", "succeeded", null, from.getEpochSecond()))))));
        stripeRefunds(from);
        String invoice = "inv-" + UUID.randomUUID();
        String btcpayScenario = "btcpay-429-" + from;
        Simulators.BTCPAY.stubFor(btcpayListCall(from, to, 0)
                .inScenario(btcpayScenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("answered"));
        Simulators.BTCPAY.stubFor(btcpayListCall(from, to, 0)
                .inScenario(btcpayScenario)
                .whenScenarioStateIs("answered")
                .willReturn(json("[" + invoice(invoice, "Settled", null, from.getEpochSecond()) + "]")));

        JsonNode stripe = awaitRun(startRun("stripe", from, to));
        JsonNode btcpay = awaitRun(startRun("btcpay", from, to));

        assertThat(stripe.path("status").asString()).as(stripe.toString()).isEqualTo("completed");
        assertThat(mismatch(stripe, intent).path("kind").asString()).isEqualTo("missing_in_hub");
        assertThat(btcpay.path("status").asString()).as(btcpay.toString()).isEqualTo("completed");
        assertThat(mismatch(btcpay, invoice).path("kind").asString()).isEqualTo("missing_in_hub");
        List<LoggedRequest> btcpayCalls = Simulators.BTCPAY.findAll(getRequestedFor(urlPathEqualTo(STORE + "/invoices"))
                .withQueryParam("startDate", equalTo(String.valueOf(from.getEpochSecond()))));
        assertThat(btcpayCalls).hasSize(2);
        assertThat(Duration.between(
                        btcpayCalls.get(0).getLoggedDate().toInstant(),
                        btcpayCalls.get(1).getLoggedDate().toInstant()))
                .as("BTCPay's Retry-After is waited out")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(Simulators.STRIPE.findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))))
                .hasSize(2);
    }

    @Test
    void failsARunWhoseProviderStaysRateLimitedAfterBoundedRetries() {
        Instant from = pastDay(25);
        Instant to = from.plus(Duration.ofDays(1));
        Simulators.STRIPE.stubFor(stripeListCall(from, to, null).willReturn(stripeRateLimited()));
        stripeRefunds(from);

        JsonNode run = awaitRun(startRun("stripe", from, to));

        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("failure").asString()).contains("429");
        assertThat(Simulators.STRIPE.findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))))
                .as("six attempts, then the run gives up")
                .hasSize(6);
    }

    @Test
    void reportsTheMismatchesAsCsvWithOneQuotedLinePerMismatch() {
        Instant from = nextSecond();
        Hub d = stripePayment("10.00");
        StripePaymentsIT.sendStripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                "payment_intent.succeeded",
                d.intent,
                paymentIntentJson(d.intent, 1000, "succeeded", d.id, d.orderId));
        awaitPayment(d.id, status("succeeded"));
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String outside = stripeId("pi");
        stripeLists(
                from,
                to,
                null,
                false,
                intent(outside, 990, "eur", "succeeded", null, from.getEpochSecond()),
                intent(d.intent, 1000, "eur", "succeeded", d.id, from.getEpochSecond()));
        stripeRefunds(from, refund(stripeId("re"), d.intent, 250, "succeeded"));
        String id = awaitRun(startRun("stripe", from, to)).path("id").asString();

        HttpResponse<String> csv = admin().get("/api/v1/reconciliation/runs/" + id + "/report.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body())
                .startsWith("run_id,provider,kind,provider_reference,payment_id,hub_status,hub_amount,hub_currency,"
                        + "provider_status,provider_amount,provider_currency,resolution,detail,hub_refunded,"
                        + "provider_refunded\n");
        assertThat(csv.body()).contains("\"refunded: 2.50 at the provider, 0.00 in the hub\"");
        List<Map<String, String>> lines = readCsv(csv.body());
        assertThat(lines).hasSize(2);
        Map<String, Map<String, String>> byReference =
                lines.stream().collect(Collectors.toMap(line -> line.get("provider_reference"), line -> line));
        assertThat(byReference.get(outside))
                .containsEntry("kind", "missing_in_hub")
                .containsEntry("payment_id", "")
                .containsEntry("provider_amount", "9.90")
                .containsEntry("run_id", id);
        assertThat(byReference.get(d.intent))
                .containsEntry("kind", "refund_differs")
                .containsEntry("payment_id", d.id.toString())
                .containsEntry("hub_status", "succeeded")
                .containsEntry("hub_refunded", "0.00")
                .containsEntry("provider_refunded", "2.50");
    }

    @Test
    void listsRunsNewestFirstPageByPage() {
        List<String> ids = new ArrayList<>();
        for (int day = 30; day < 33; day++) {
            Instant from = pastDay(day);
            stripeLists(from, from.plus(Duration.ofDays(1)), null, false);
            stripeRefunds(from);
            ids.add(startRun("stripe", from, from.plus(Duration.ofDays(1))));
        }

        HttpResponse<String> first = admin().get("/api/v1/reconciliation/runs?limit=2");
        String cursor = body(first).path("next_cursor").asString();
        HttpResponse<String> second = admin().get("/api/v1/reconciliation/runs?limit=2&cursor=" + cursor);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(data(first).valueStream().map(run -> run.path("id").asString()))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(data(first).get(0).has("mismatches"))
                .as("lists leave mismatches out")
                .isFalse();
        assertThat(data(second).get(0).path("id").asString()).isEqualTo(ids.get(0));
        ids.forEach(this::awaitRun);
    }

    @Test
    void refusesChannelKeysAndBadRequestsWithProblemsAndStartsNothing() {
        Instant from = pastDay(40);
        String body = "{\"provider\": \"stripe\", \"from\": \"%s\", \"to\": \"%s\"}"
                .formatted(from, from.plus(Duration.ofDays(1)));
        String newest = data(admin().get("/api/v1/reconciliation/runs?limit=1"))
                .path(0)
                .path("id")
                .asString("");

        assertThat(woo().post("/api/v1/reconciliation/runs", body).statusCode()).isEqualTo(403);
        assertThat(pos().get("/api/v1/reconciliation/runs").statusCode()).isEqualTo(403);
        assertThat(woo().get("/api/v1/reconciliation/runs/" + UUID.randomUUID()).statusCode())
                .isEqualTo(403);
        assertThat(woo().get("/api/v1/reconciliation/runs/" + UUID.randomUUID() + "/report.csv")
                        .statusCode())
                .isEqualTo(403);
        assertProblem(
                admin().post(
                                "/api/v1/reconciliation/runs",
                                "{\"provider\": \"stripe\", \"from\": \"%s\", \"to\": \"%s\"}"
                                        .formatted(from.plus(Duration.ofDays(1)), from)),
                422,
                "to");
        assertProblem(
                admin().post(
                                "/api/v1/reconciliation/runs",
                                "{\"provider\": \"paypal\", \"from\": \"%s\", \"to\": \"%s\"}"
                                        .formatted(from, from.plus(Duration.ofDays(1)))),
                422,
                "provider");
        assertProblem(
                admin().post(
                                "/api/v1/reconciliation/runs",
                                "{\"provider\": \"stripe\", \"from\": \"%s\", \"to\": \"%s\"}"
                                        .formatted(from, from.plus(Duration.ofDays(32)))),
                422,
                "to");
        assertProblem(
                admin().post(
                                "/api/v1/reconciliation/runs",
                                "{\"provider\": \"stripe\", \"from\": \"yesterday\", \"to\": \"%s\"}".formatted(from)),
                422,
                "from");
        assertThat(admin().post("/api/v1/reconciliation/runs", "{\"provider\": ")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin().get("/api/v1/reconciliation/runs/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> noReport = admin().get("/api/v1/reconciliation/runs/" + UUID.randomUUID() + "/report.csv");
        assertThat(noReport.statusCode()).isEqualTo(404);
        assertThat(noReport.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(admin().get("/api/v1/reconciliation/runs?cursor=bogus").statusCode())
                .isEqualTo(400);
        assertThat(data(admin().get("/api/v1/reconciliation/runs?limit=1"))
                        .path(0)
                        .path("id")
                        .asString(""))
                .as("no run was started")
                .isEqualTo(newest);
    }

    @Test
    void countsMismatchesAndTheLastSuccessfulRunPerProvider() {
        Instant from = pastDay(50);
        Instant to = from.plus(Duration.ofDays(1));
        stripeLists(
                from, to, null, false, intent(stripeId("pi"), 700, "eur", "succeeded", null, from.getEpochSecond()));
        stripeRefunds(from);
        double before = mismatchCount("missing_in_hub");

        JsonNode run = awaitRun(startRun("stripe", from, to));

        assertThat(run.path("status").asString()).isEqualTo("completed");
        assertThat(mismatchCount("missing_in_hub")).isEqualTo(before + 1);
        assertThat(meters.get("orderhub.reconciliation.last.success")
                        .tag("provider", "stripe")
                        .gauge()
                        .value())
                .isEqualTo((double)
                        Instant.parse(run.path("finished_at").asString()).getEpochSecond());
        assertThat(meters.get("orderhub.reconciliation.unresolved")
                        .tag("provider", "stripe")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
    }

    @Test
    void reportsBtcpayRefundsTheHubDoesNotCountAsTheyAreAndChangesNothing() {
        Instant from = nextSecond();
        Hub ui = settled(btcpayPayment());
        Hub partly = settled(btcpayPayment());
        Hub inBitcoin = settled(btcpayPayment());
        String partlyPaid = hubRefund(partly, "47.49");
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String uiRefund = "pp-ui-" + UUID.randomUUID();
        String btcRefund = "pp-btc-" + UUID.randomUUID();
        btcpayRefundBooks(
                List.of(
                        pullPayment(uiRefund, "Refund " + ui.intent, null, "EUR", "20.00"),
                        pullPayment(btcRefund, "Refund " + inBitcoin.intent, null, "BTC", "0.00071"),
                        pullPayment("pp-payroll-" + UUID.randomUUID(), "Salaries", "not a refund", "EUR", "900.00")),
                List.of(
                        payout(uiRefund, "Completed", "12.00", "EUR"),
                        payout(uiRefund, "Completed", "8.00", "EUR"),
                        payout(uiRefund, "AwaitingPayment", "5.00", "EUR"),
                        payout(partlyPaid, "Completed", "40.00", "EUR"),
                        payout(btcRefund, "Completed", "0.00071", "BTC")));
        btcpayLists(
                from,
                to,
                0,
                List.of(
                        invoice(ui.intent, "Settled", ui.id, from.getEpochSecond()),
                        invoice(partly.intent, "Settled", partly.id, from.getEpochSecond()),
                        invoice(inBitcoin.intent, "Settled", inBitcoin.id, from.getEpochSecond())));

        JsonNode run = awaitRun(startRun("btcpay", from, to));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("completed");
        assertThat(counts(run)).containsExactlyInAnyOrderEntriesOf(Map.of("refund_differs", 3));
        assertThat(run.path("unresolved").asInt()).isEqualTo(3);
        JsonNode madeInUi = mismatch(run, ui.intent);
        assertThat(madeInUi.path("payment_id").asString()).isEqualTo(ui.id.toString());
        assertThat(madeInUi.at("/hub/refunded").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(madeInUi.at("/provider/refunded").decimalValue())
                .as("completed payouts only")
                .isEqualByComparingTo("20.00");
        assertThat(madeInUi.path("resolution").asString()).isEqualTo("reported");
        JsonNode otherAmount = mismatch(run, partly.intent);
        assertThat(otherAmount.at("/provider/refunded").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(otherAmount.path("resolution").asString()).isEqualTo("reported");
        assertThat(mismatch(run, inBitcoin.intent).path("detail").asString())
                .contains("0.00071 BTC (" + btcRefund + ")");
        assertThat(payment(ui.id).path("refunded_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(payment(partly.id).path("refunds").get(0).path("status").asString())
                .as("a payout of another amount than the hub's refund is reported, never applied")
                .isEqualTo("pending");
        assertThat(Simulators.BTCPAY.findAll(getRequestedFor(urlPathEqualTo(STORE + "/pull-payments"))
                        .withQueryParam("includeArchived", equalTo("true"))))
                .isNotEmpty();
    }

    @Test
    void appliesAPendingHubRefundWhosePayoutBtcpayCompletedOnceWhateverRunsFollow() {
        Instant from = nextSecond();
        Hub hub = settled(btcpayPayment());
        String pullPayment = hubRefund(hub, "30.00");
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        btcpayRefundBooks(List.of(), List.of(payout(pullPayment, "Completed", "30.00", "EUR")));
        btcpayLists(from, to, 0, List.of(invoice(hub.intent, "Settled", hub.id, from.getEpochSecond())));

        JsonNode first = awaitRun(startRun("btcpay", from, to));
        JsonNode second = awaitRun(startRun("btcpay", from, to));

        JsonNode applied = mismatch(first, hub.intent);
        assertThat(applied.path("kind").asString()).isEqualTo("refund_differs");
        assertThat(applied.path("resolution").asString()).as(first.toString()).isEqualTo("applied");
        assertThat(applied.at("/hub/refunded").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(applied.at("/provider/refunded").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(first.path("unresolved").asInt()).isZero();
        JsonNode refunded = payment(hub.id);
        assertThat(refunded.path("status").asString()).isEqualTo("partially_refunded");
        assertThat(refunded.path("refunded_amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(refunded.path("refunds").get(0).path("status").asString()).isEqualTo("succeeded");
        assertThat(second.path("status").asString()).isEqualTo("completed");
        assertThat(second.path("mismatches")).as("nothing differs any more").isEmpty();
        assertThat(reconciliationEntries(hub.id)).hasSize(1);
        awaitPublishedOnceInOrder(hub.id, refunded.path("version").asLong());
    }

    // --- the hub's side ------------------------------------------------------------------------------------

    /** A hub payment and its provider reference: the PaymentIntent, or the BTCPay invoice. */
    private record Hub(UUID id, UUID orderId, String intent) {}

    private Hub stripePayment(String amount) {
        UUID orderId = order(amount);
        String intent = stripeId("pi");
        stripeCreates(
                orderId,
                intent,
                new java.math.BigDecimal(amount).movePointRight(2).longValueExact());
        HttpResponse<String> created = createStripePayment(orderId, amount);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Hub(UUID.fromString(data(created).path("id").asString()), orderId, intent);
    }

    private Hub btcpayPayment() {
        UUID orderId = order("47.49");
        String invoice = "inv" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Simulators.BTCPAY.stubFor(get(urlPathEqualTo(STORE + "/invoices"))
                .withQueryParam("orderId", equalTo(orderId.toString()))
                .willReturn(json("[]")));
        Simulators.BTCPAY.stubFor(post(urlPathEqualTo(STORE + "/invoices"))
                .withRequestBody(matchingJsonPath("$.metadata.orderhub_order_id", equalTo(orderId.toString())))
                .willReturn(json(BtcpayPaymentsIT.invoiceJson(invoice, "New", "None", null, orderId))));
        HttpResponse<String> created =
                woo().post("/api/v1/payments", """
                {"order_id": "%s", "provider": "btcpay", "currency": "EUR"}
                """.formatted(orderId), ApiClient.idempotencyKey("btc-" + orderId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Hub(UUID.fromString(data(created).path("id").asString()), orderId, invoice);
    }

    /** The BTCPay payment settled by its webhook. */
    private Hub settled(Hub hub) {
        Feed.btcpay(
                ProviderEventType.BTCPAY_INVOICE_SETTLED,
                "o-s-" + hub.intent,
                hub.intent,
                BtcpayPaymentsIT.invoiceEvent(
                        "d-" + hub.intent, "o-s-" + hub.intent, "InvoiceSettled", hub.intent, hub.id, ""));
        awaitPayment(hub.id, status("succeeded"));
        return hub;
    }

    /**
     * A refund of the hub's, pending: BTCPay answers the invoice refund with a pull payment, which the store's list
     * then holds under the hub's name and description. The repair worker asking about it meanwhile finds its payout
     * still in progress (in production its next look may be hours later). Answers the pull payment's id.
     */
    private String hubRefund(Hub hub, String amount) {
        String pullPayment = "pp-" + hub.intent;
        Simulators.BTCPAY.stubFor(post(urlPathEqualTo(STORE + "/invoices/" + hub.intent + "/refund"))
                .willReturn(json("{\"id\": \"%s\", \"name\": \"refund\", \"currency\": \"EUR\", \"amount\": \"%s\"}"
                        .formatted(pullPayment, amount))));
        Simulators.BTCPAY.stubFor(get(urlPathEqualTo("/api/v1/pull-payments/" + pullPayment + "/payouts"))
                .willReturn(json("[" + payout(pullPayment, "InProgress", amount, "EUR") + "]")));
        HttpResponse<String> refund = woo().post(
                        "/api/v1/payments/" + hub.id + "/refunds",
                        "{\"amount\": %s, \"reason\": \"customer asked\"}".formatted(amount),
                        ApiClient.idempotencyKey("refund-" + hub.id));
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(data(refund).path("provider_reference").asString()).isEqualTo(pullPayment);
        UUID refundId = UUID.fromString(data(refund).path("id").asString());
        btcpayRefundBooks(
                List.of(pullPayment(
                        pullPayment,
                        "Order Hub refund " + refundId,
                        "Order Hub refund " + refundId + " of payment " + hub.id,
                        "EUR",
                        amount)),
                List.of());
        return pullPayment;
    }

    private List<JsonNode> reconciliationEntries(UUID paymentId) {
        return data(woo().get("/api/v1/payments/" + paymentId + "/history"))
                .valueStream()
                .filter(entry -> entry.path("reason").asString().equals("reconciliation"))
                .toList();
    }

    private double providerEvents(String outcome) {
        var counter = meters.find("orderhub.payments.provider.events")
                .tag("provider", "stripe")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double mismatchCount(String kind) {
        var counter = meters.find("orderhub.reconciliation.mismatches")
                .tag("provider", "stripe")
                .tag("kind", kind)
                .tag("resolution", "reported")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    // --- runs ----------------------------------------------------------------------------------------------

    private String startRun(String provider, Instant from, Instant to) {
        HttpResponse<String> started = admin().post("/api/v1/reconciliation/runs", """
                {"provider": "%s", "from": "%s", "to": "%s"}
                """.formatted(provider, from, to));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(data(started).path("status").asString()).isEqualTo("running");
        return data(started).path("id").asString();
    }

    private JsonNode awaitRun(String id) {
        return awaitRun(id, Duration.ofSeconds(30));
    }

    private JsonNode awaitRun(String id, Duration atMost) {
        return Awaitility.await()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> data(admin().get("/api/v1/reconciliation/runs/" + id)),
                        run -> !run.path("status").asString().equals("running"));
    }

    private static Map<String, Integer> counts(JsonNode run) {
        return run.path("counts")
                .propertyStream()
                .filter(entry -> entry.getValue().asInt() > 0)
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().asInt()));
    }

    private static JsonNode mismatch(JsonNode run, String reference) {
        List<JsonNode> found = run.path("mismatches")
                .valueStream()
                .filter(m -> reference.equals(m.path("provider_reference").asString(null)))
                .toList();
        assertThat(found).as("mismatches of " + reference + " in " + run).hasSize(1);
        return found.get(0);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response)
                        .path("errors")
                        .valueStream()
                        .map(error -> error.path("field").asString()))
                .contains(field);
    }

    /**
     * The next whole second, once the clock has passed it: a window from there holds only the payments the test
     * creates afterwards, none of the previous test's.
     */
    private static Instant nextSecond() {
        Instant next = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Awaitility.await()
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !Instant.now().isBefore(next));
        return next;
    }

    /** A UTC day in the past, where the hub has no payments of its own. */
    private static Instant pastDay(int daysAgo) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo));
    }

    // --- Stripe's and BTCPay's lists --------------------------------------------------------------------------

    private static String intent(String id, long amount, String currency, String status, UUID paymentId, long created) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "%s", "status": "%s",
                 "created": %d, "livemode": false, "metadata": {%s}}
                """.formatted(
                        id,
                        amount,
                        currency,
                        status,
                        created,
                        paymentId == null ? "" : "\"orderhub_payment_id\": \"" + paymentId + "\"");
    }

    /** Stripe's 429, as its rate limiter answers (no Retry-After). */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stripeRateLimited() {
        return aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"rate_limit\","
                        + " \"message\": \"Too many requests\"}}");
    }

    /** Stripe's answer for a PaymentIntent it does not have. */
    private static void stripeHasNo(String intent) {
        Simulators.STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "intent",
                                 "message": "No such payment_intent: '%s'"}}
                                """.formatted(intent))));
    }

    private static String refund(String id, String intent, long amount, String status) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "currency": "eur", "payment_intent": "%s",
                 "status": "%s", "created": %d, "metadata": {}}
                """.formatted(id, amount, intent, status, Instant.now().getEpochSecond());
    }

    private static String list(String url, boolean hasMore, List<String> objects) {
        return """
                {"object": "list", "url": "%s", "has_more": %s, "data": [%s]}
                """.formatted(url, hasMore, String.join(",", objects));
    }

    private static MappingBuilder stripeListCall(Instant from, Instant to, String startingAfter) {
        return get(urlPathEqualTo("/v1/payment_intents"))
                .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))
                .withQueryParam("created[lt]", equalTo(String.valueOf(to.getEpochSecond())))
                .withQueryParam("starting_after", startingAfter == null ? absent() : equalTo(startingAfter));
    }

    private static void stripeLists(
            Instant from, Instant to, String startingAfter, boolean hasMore, String... intents) {
        Simulators.STRIPE.stubFor(stripeListCall(from, to, startingAfter)
                .willReturn(json(list("/v1/payment_intents", hasMore, List.of(intents)))));
    }

    private static void stripeRefunds(Instant from, String... refunds) {
        Simulators.STRIPE.stubFor(get(urlPathEqualTo("/v1/refunds"))
                .withQueryParam("created[gte]", equalTo(String.valueOf(from.getEpochSecond())))
                .willReturn(json(list("/v1/refunds", false, List.of(refunds)))));
    }

    private static String invoice(String id, String status, UUID paymentId, long createdTime) {
        return """
                {"id": "%s", "storeId": "%s", "amount": "47.49", "currency": "EUR", "status": "%s",
                 "additionalStatus": "None", "createdTime": %d,
                 "metadata": {%s}}
                """.formatted(
                        id,
                        Simulators.BTCPAY_STORE,
                        status,
                        createdTime,
                        paymentId == null ? "" : "\"orderhub_payment_id\": \"" + paymentId + "\"");
    }

    private static MappingBuilder btcpayListCall(Instant from, Instant to, int skip) {
        return get(urlPathEqualTo(STORE + "/invoices"))
                .withQueryParam("startDate", equalTo(String.valueOf(from.getEpochSecond())))
                .withQueryParam("endDate", equalTo(String.valueOf(to.getEpochSecond())))
                .withQueryParam("skip", equalTo(String.valueOf(skip)))
                .withQueryParam("take", equalTo("100"));
    }

    private static void btcpayLists(Instant from, Instant to, int skip, List<String> invoices) {
        Simulators.BTCPAY.stubFor(
                btcpayListCall(from, to, skip).willReturn(json("[" + String.join(",", invoices) + "]")));
    }

    /**
     * The store's pull payments and payouts are one list each however many tests add to them: what the tests added
     * so far, stubbed again whole with every addition. Empty lists before the first.
     */
    private static final List<String> PULL_PAYMENTS = new ArrayList<>();

    private static final List<String> PAYOUTS = new ArrayList<>();

    @BeforeAll
    static void btcpayHasNoRefundsYet() {
        btcpayRefundBooks(List.of(), List.of());
    }

    private static synchronized void btcpayRefundBooks(List<String> pullPayments, List<String> payouts) {
        PULL_PAYMENTS.addAll(pullPayments);
        PAYOUTS.addAll(payouts);
        Simulators.BTCPAY.stubFor(get(urlPathEqualTo(STORE + "/pull-payments"))
                .withQueryParam("includeArchived", equalTo("true"))
                .willReturn(json("[" + String.join(",", PULL_PAYMENTS) + "]")));
        Simulators.BTCPAY.stubFor(get(urlPathEqualTo(STORE + "/payouts"))
                .withQueryParam("includeCancelled", equalTo("false"))
                .willReturn(json("[" + String.join(",", PAYOUTS) + "]")));
    }

    /** Greenfield's PullPaymentData. */
    private static String pullPayment(String id, String name, String description, String currency, String amount) {
        return """
                {"id": "%s", "name": "%s", "description": %s, "currency": "%s", "amount": "%s",
                 "BOLT11Expiration": "30", "autoApproveClaims": false, "archived": false,
                 "viewLink": "https://btcpay.test/pull-payments/%s"}
                """.formatted(id, name, description == null ? "null" : "\"" + description + "\"", currency, amount, id);
    }

    /** Greenfield's PayoutData (BTCPay 2.x: the amount in the pull payment's currency as originalAmount). */
    private static String payout(String pullPayment, String state, String amount, String currency) {
        return """
                {"id": "po-%s", "revision": 0, "pullPaymentId": "%s", "date": "%d",
                 "destination": "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "originalCurrency": "%s",
                 "originalAmount": "%s", "payoutCurrency": "BTC", "payoutAmount": "0.00045000",
                 "payoutMethodId": "BTC-CHAIN", "state": "%s", "paymentProof": null, "metadata": {}}
                """.formatted(UUID.randomUUID(), pullPayment, Instant.now().getEpochSecond(), currency, amount, state);
    }
}
