package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The settlement report over Stripe's payout and balance transaction lists as WireMock speaks them (arrival_date
 * filters, has_more, starting_after, expanded sources).
 */
class SettlementIT extends PaymentsTestBase {

    @Test
    void reportsWhatEachPayoutContainedWithTotalsPerCurrency() {
        Window window = window(3);
        UUID orderId = order("44.70");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 4470);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "44.70")).path("id").asString());
        String euros = stripeId("po");
        String dollars = stripeId("po");
        String unknown = stripeId("pi");
        payouts(window, null, true, payout(euros, 4004, "eur", window.from.plusSeconds(3600)));
        payouts(window, euros, false, payout(dollars, 970, "usd", window.from.plusSeconds(7200)));
        transactions(
                euros,
                null,
                true,
                transaction(stripeId("txn"), "charge", 4470, 88, "eur", charge(stripeId("ch"), intent)),
                transaction(stripeId("txn"), "refund", -289, 0, "eur", refund(stripeId("re"), intent)));
        String last = stripeId("txn");
        transactions(
                euros,
                "LAST",
                false,
                transaction(last, "charge", 0, 89, "eur", charge(stripeId("ch"), unknown)),
                transaction(
                        stripeId("txn"),
                        "payout",
                        -4004,
                        0,
                        "eur",
                        "{\"id\": \"" + euros + "\", \"object\": \"payout\"}"));
        transactions(
                dollars,
                null,
                false,
                transaction(stripeId("txn"), "charge", 1000, 30, "usd", charge(stripeId("ch"), stripeId("pi"))));

        HttpResponse<String> json = admin().get("/api/v1/settlements?from=" + window.from + "&to=" + window.to);

        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        JsonNode report = data(json);
        assertThat(report.path("payouts").valueStream().map(p -> p.path("id").asString()))
                .containsExactly(euros, dollars);
        JsonNode eur = report.path("payouts").get(0);
        assertThat(eur.path("amount").decimalValue()).isEqualByComparingTo("40.04");
        assertThat(eur.path("transactions"))
                .as("the payout's own transaction is left out")
                .hasSize(3);
        assertThat(eur.path("transactions").get(0).path("payment_id").asString())
                .isEqualTo(paymentId.toString());
        assertThat(eur.path("transactions").get(1).path("type").asString()).isEqualTo("refund");
        assertThat(eur.path("transactions").get(1).path("payment_id").asString())
                .isEqualTo(paymentId.toString());
        assertThat(eur.path("transactions").get(2).path("payment_id").isNull()).isTrue();
        JsonNode eurTotals = eur.path("totals").get(0);
        assertThat(eurTotals.path("currency").asString()).isEqualTo("EUR");
        assertThat(eurTotals.path("gross").decimalValue()).isEqualByComparingTo("41.81");
        assertThat(eurTotals.path("fees").decimalValue()).isEqualByComparingTo("1.77");
        assertThat(eurTotals.path("net").decimalValue()).isEqualByComparingTo("40.04");
        assertThat(eurTotals.path("payments").asInt()).isEqualTo(2);
        assertThat(eurTotals.path("refunds").asInt()).isEqualTo(1);
        assertThat(report.path("totals")
                        .valueStream()
                        .map(t -> t.path("currency").asString()))
                .containsExactly("EUR", "USD");
        assertThat(report.path("totals").get(1).path("net").decimalValue()).isEqualByComparingTo("9.70");

        List<LoggedRequest> payoutPages = Simulators.STRIPE.findAll(getRequestedFor(urlPathEqualTo("/v1/payouts"))
                .withQueryParam("arrival_date[gte]", equalTo(String.valueOf(window.from.getEpochSecond()))));
        assertThat(payoutPages).hasSize(2);
        assertThat(payoutPages.get(1).queryParameter("starting_after").firstValue())
                .isEqualTo(euros);
        List<LoggedRequest> transactionPages = Simulators.STRIPE.findAll(
                getRequestedFor(urlPathEqualTo("/v1/balance_transactions")).withQueryParam("payout", equalTo(euros)));
        assertThat(transactionPages).hasSize(2);
        assertThat(transactionPages.get(0).getUrl()).contains("data.source");
    }

    @Test
    void answersCsvForTheCsvPathAndForAcceptTextCsv() {
        Window window = window(6);
        String payout = stripeId("po");
        String intent = stripeId("pi");
        payouts(window, null, false, payout(payout, 912, "eur", window.from.plusSeconds(60)));
        transactions(
                payout,
                null,
                false,
                transaction(stripeId("txn"), "charge", 1000, 88, "eur", charge(stripeId("ch"), intent)));

        HttpResponse<String> byPath = admin().get("/api/v1/settlements.csv?from=" + window.from + "&to=" + window.to);
        HttpResponse<String> byAccept = admin().send(
                        "GET",
                        "/api/v1/settlements?from=" + window.from + "&to=" + window.to,
                        new byte[0],
                        Map.of("Accept", "text/csv"));

        assertThat(byPath.statusCode()).as(byPath.body()).isEqualTo(200);
        assertThat(byPath.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(byAccept.body()).isEqualTo(byPath.body());
        List<Map<String, String>> lines = readCsv(byPath.body());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .containsEntry("payout_id", payout)
                .containsEntry("type", "charge")
                .containsEntry("payment_intent", intent)
                .containsEntry("amount", "10.00")
                .containsEntry("fee", "0.88")
                .containsEntry("net", "9.12")
                .containsEntry("currency", "EUR");
    }

    @Test
    void refusesBadWindowsAndChannelKeys() {
        Window window = window(9);

        HttpResponse<String> reversed = admin().get("/api/v1/settlements?from=" + window.to + "&to=" + window.from);
        HttpResponse<String> missing = admin().get("/api/v1/settlements?from=" + window.from);
        HttpResponse<String> tooLong =
                admin().get("/api/v1/settlements?from=" + window.from + "&to=" + window.from.plus(Duration.ofDays(40)));
        HttpResponse<String> channel = woo().get("/api/v1/settlements?from=" + window.from + "&to=" + window.to);

        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(422);
        assertThat(body(reversed).path("errors").get(0).path("field").asString())
                .isEqualTo("to");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(channel.statusCode()).isEqualTo(403);
    }

    private record Window(Instant from, Instant to) {}

    private static Window window(int daysAgo) {
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo));
        return new Window(from, from.plus(Duration.ofDays(2)));
    }

    private static String payout(String id, long amount, String currency, Instant arrival) {
        return """
                {"id": "%s", "object": "payout", "amount": %d, "currency": "%s", "arrival_date": %d,
                 "created": %d, "status": "paid", "automatic": true, "livemode": false}
                """.formatted(id, amount, currency, arrival.getEpochSecond(), arrival.getEpochSecond() - 86400);
    }

    private static String transaction(String id, String type, long amount, long fee, String currency, String source) {
        return """
                {"id": "%s", "object": "balance_transaction", "type": "%s", "amount": %d, "fee": %d, "net": %d,
                 "currency": "%s", "status": "available", "created": 1777777777, "source": %s}
                """.formatted(id, type, amount, fee, amount - fee, currency, source);
    }

    private static String charge(String id, String intent) {
        return "{\"id\": \"%s\", \"object\": \"charge\", \"payment_intent\": \"%s\"}".formatted(id, intent);
    }

    private static String refund(String id, String intent) {
        return "{\"id\": \"%s\", \"object\": \"refund\", \"payment_intent\": \"%s\"}".formatted(id, intent);
    }

    private static String list(String url, boolean hasMore, String... objects) {
        return "{\"object\": \"list\", \"url\": \"%s\", \"has_more\": %s, \"data\": [%s]}"
                .formatted(url, hasMore, String.join(",", objects));
    }

    private static void payouts(Window window, String startingAfter, boolean hasMore, String... payouts) {
        Simulators.STRIPE.stubFor(get(urlPathEqualTo("/v1/payouts"))
                .withQueryParam("arrival_date[gte]", equalTo(String.valueOf(window.from.getEpochSecond())))
                .withQueryParam("arrival_date[lt]", equalTo(String.valueOf(window.to.getEpochSecond())))
                .withQueryParam("starting_after", startingAfter == null ? absent() : equalTo(startingAfter))
                .willReturn(json(list("/v1/payouts", hasMore, payouts))));
    }

    /** {@code startingAfter} "LAST": the page after the payout's previous page, whatever its last id. */
    private static void transactions(String payout, String startingAfter, boolean hasMore, String... transactions) {
        var call = get(urlPathEqualTo("/v1/balance_transactions")).withQueryParam("payout", equalTo(payout));
        call = startingAfter == null
                ? call.withQueryParam("starting_after", absent())
                : call.withQueryParam("starting_after", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"));
        Simulators.STRIPE.stubFor(call.willReturn(json(list("/v1/balance_transactions", hasMore, transactions))));
    }
}
