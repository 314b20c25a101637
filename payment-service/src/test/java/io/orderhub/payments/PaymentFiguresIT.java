package io.orderhub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payment figures for the console's overview, counted by PostgreSQL. The payments are imported with creation
 * times on a day of 2011 that no other test uses, so the figures of that day are exactly these payments.
 */
class PaymentFiguresIT extends PaymentsTestBase {

    static final String DAY = "from=2011-03-04T00:00:00Z&to=2011-03-05T00:00:00Z";

    @BeforeEach
    void importPaymentsOfTheDay() {
        if (figures(DAY).path("figures").isEmpty()) {
            imported("stripe", "EUR", "47.49", "succeeded", "2011-03-04T09:15:00Z");
            imported("stripe", "EUR", "12.50", "succeeded", "2011-03-04T09:45:00Z");
            imported("stripe", "EUR", "5.00", "failed", "2011-03-04T10:05:00Z");
            imported("stripe", "USD", "20.00", "cancelled", "2011-03-04T10:10:00Z");
            imported("btcpay", "EUR", "100.00", "pending", "2011-03-04T23:59:59Z");
            // Outside the window on both sides: [from, to).
            imported("stripe", "EUR", "99.00", "succeeded", "2011-03-03T23:59:59Z");
            imported("stripe", "EUR", "99.00", "succeeded", "2011-03-05T00:00:00Z");
        }
    }

    @Test
    void countsPaymentsAndSumsTheirAmountsPerProviderCurrencyAndStatusInTheWindow() {
        JsonNode day = figures(DAY);

        assertThat(day.path("per").isNull()).isTrue();
        assertThat(rows(day.path("figures")))
                .containsExactly(
                        "null btcpay EUR pending 1 100",
                        "null stripe EUR failed 1 5",
                        "null stripe EUR succeeded 2 59.99",
                        "null stripe USD cancelled 1 20");
    }

    @Test
    void splitsTheWindowPerHour() {
        JsonNode hours = figures(DAY + "&per=hour");

        assertThat(hours.path("per").asString()).isEqualTo("hour");
        assertThat(rows(hours.path("figures")))
                .containsExactly(
                        "2011-03-04T09:00:00Z stripe EUR succeeded 2 59.99",
                        "2011-03-04T10:00:00Z stripe EUR failed 1 5",
                        "2011-03-04T10:00:00Z stripe USD cancelled 1 20",
                        "2011-03-04T23:00:00Z btcpay EUR pending 1 100");
    }

    @Test
    void refusesAMalformedWindowWith400() {
        // TimeWindowTest has every case; here, that they reach the client as 400s.
        for (String query : List.of("", DAY + "&per=minute")) {
            HttpResponse<String> answer = admin().get("/api/v1/payments/figures?" + query);
            assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(400);
        }
    }

    @Test
    void answersOnlyTheAdminKey() {
        HttpResponse<String> answer = woo().get("/api/v1/payments/figures?" + DAY);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    }

    private JsonNode figures(String query) {
        HttpResponse<String> answer = admin().get("/api/v1/payments/figures?" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return data(answer);
    }

    /** The test's JSON reader takes decimals as doubles: amounts are compared without their trailing zeros. */
    private static List<String> rows(JsonNode figures) {
        return figures.valueStream()
                .map(f -> (f.path("hour").isNull() ? "null" : f.path("hour").asString()) + " "
                        + f.path("provider").asString() + " "
                        + f.path("currency").asString() + " "
                        + f.path("status").asString() + " " + f.path("payments").asLong() + " "
                        + f.path("amount").decimalValue().stripTrailingZeros().toPlainString())
                .toList();
    }

    private void imported(String provider, String currency, String amount, String status, String createdAt) {
        UUID id = UUID.randomUUID();
        String history = status.equals("pending") ? "" : """
                  , {"old_status": "pending", "new_status": "%s", "changed_by": "import", "changed_at": "%s"}""".formatted(status, createdAt);
        String body = """
                {"order_id": "%s", "source": "woocommerce", "provider": "%s", "status": "%s",
                 "amount": "%s", "currency": "%s", "refunded_amount": "0", "provider_reference": "%s",
                 "created_at": "%s",
                 "history": [{"old_status": null, "new_status": "pending", "changed_by": "import",
                              "changed_at": "%s"}%s]}
                """.formatted(
                UUID.randomUUID(), provider, status, amount, currency, stripeId("pi"), createdAt, createdAt, history);
        HttpResponse<String> answer = admin().send(
                        "PUT",
                        "/api/v1/import/payments/" + id,
                        body.getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/json"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
