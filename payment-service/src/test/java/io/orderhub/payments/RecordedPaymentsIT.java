package io.orderhub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.OrderStatus;
import io.orderhub.events.PaymentEvent;
import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RecordedPaymentsIT extends PaymentsTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void manualPaymentSucceedsAtOnce() {
        UUID orderId = UUID.randomUUID();
        Feed.order(orderId, "pos", "EUR", "18.40", OrderStatus.PENDING, 1);

        HttpResponse<String> created =
                pos().post("/api/v1/payments", "{\"order_id\": \"%s\", \"provider\": \"manual\"}".formatted(orderId));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode payment = data(created);
        assertThat(payment.path("status").asString()).isEqualTo("succeeded");
        assertThat(payment.path("recorded").asBoolean()).isTrue();
        assertThat(payment.path("amount").decimalValue()).isEqualByComparingTo("18.40");
        // Amounts keep the currency's fraction digits on the wire.
        assertThat(created.body()).contains("\"amount\":18.40").contains("\"refunded_amount\":0.00");
        List<PaymentEvent> events =
                awaitPublishedOnceInOrder(UUID.fromString(payment.path("id").asString()), 1);
        assertThat(events.get(0).getPayment().getStatus()).isEqualTo(io.orderhub.events.PaymentStatus.SUCCEEDED);
        assertThat(events.get(0).getActor()).isEqualTo("pos");
    }

    @Test
    void upsertsARecordedPaymentBySourcePaymentIdSoThatAResendUpdatesInsteadOfDoubling() {
        UUID orderId = order("39.90");
        String body = """
                {"order_id": "%s", "provider": "paypal", "amount": 39.90, "currency": "EUR",
                 "status": "%s", "source_payment_id": "PAYID-%s", "metadata": {"woocommerce_order": "10023"}}
                """;

        HttpResponse<String> pending = woo().post("/api/v1/payments", body.formatted(orderId, "pending", orderId));
        HttpResponse<String> succeeded = woo().post("/api/v1/payments", body.formatted(orderId, "succeeded", orderId));
        HttpResponse<String> resent = woo().post("/api/v1/payments", body.formatted(orderId, "succeeded", orderId));

        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(201);
        assertThat(succeeded.statusCode()).as(succeeded.body()).isEqualTo(200);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        String id = data(pending).path("id").asString();
        assertThat(data(succeeded).path("id").asString()).isEqualTo(id);
        assertThat(data(resent).path("version").asLong()).isEqualTo(2);
        assertThat(data(resent).path("status").asString()).isEqualTo("succeeded");
        assertThat(data(resent).path("metadata").path("woocommerce_order").asString())
                .isEqualTo("10023");
        assertThat(data(woo().get("/api/v1/payments/order/" + orderId))).hasSize(1);
        awaitPublishedOnceInOrder(UUID.fromString(id), 2);
    }

    @Test
    void refusesAResendThatWouldMoveARecordedPaymentBackwards() {
        UUID orderId = order("10.00");
        String body = """
                {"order_id": "%s", "provider": "bank_transfer", "status": "%s", "source_payment_id": "bt-%s"}
                """;
        woo().post("/api/v1/payments", body.formatted(orderId, "succeeded", orderId));

        HttpResponse<String> backwards = woo().post("/api/v1/payments", body.formatted(orderId, "failed", orderId));

        assertThat(backwards.statusCode()).as(backwards.body()).isEqualTo(409);
        assertThat(body(backwards).path("current_status").asString()).isEqualTo("succeeded");
    }

    @Test
    void waitsForAnOrderWhoseEventArrivesAfterThePayment() {
        UUID orderId = UUID.randomUUID();
        CompletableFuture.runAsync(
                () -> Feed.order(orderId, "woocommerce", "EUR", "5.00", OrderStatus.PENDING, 1),
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

        HttpResponse<String> created = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 5.00}".formatted(orderId));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(data(created).path("order_id").asString()).isEqualTo(orderId.toString());
    }

    /**
     * More payments waiting for their orders' events than the pool has connections (13): each waits without
     * holding one, so the consumer still gets the connections it needs to bring the events in. Waiting inside the
     * transaction that commits the answer starved the pool: every request held a connection for the whole wait,
     * the consumer got none, every request answered 503 and the clients' retries kept it that way.
     */
    @Test
    void paymentsWaitingForTheirOrdersNeverStarveTheConsumerThatBringsThem() throws Exception {
        List<UUID> orderIds =
                IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID()).toList();
        ExecutorService channels = Executors.newFixedThreadPool(orderIds.size());
        try {
            List<CompletableFuture<HttpResponse<String>>> payments = orderIds.stream()
                    .map(orderId -> CompletableFuture.supplyAsync(
                            () -> pos().post(
                                            "/api/v1/payments",
                                            "{\"order_id\": \"%s\", \"provider\": \"manual\"}".formatted(orderId),
                                            ApiClient.idempotencyKey("pos_waiting_" + orderId)),
                            channels))
                    .toList();
            // The orders' events come once every payment is in flight, waiting for its order.
            await().atMost(Duration.ofSeconds(4)).until(() -> requestsInFlight() == orderIds.size());
            orderIds.forEach(orderId -> Feed.order(orderId, "pos", "EUR", "4.20", OrderStatus.PENDING, 1));

            for (CompletableFuture<HttpResponse<String>> payment : payments) {
                HttpResponse<String> answer = payment.get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            }
        } finally {
            channels.shutdownNow();
        }
    }

    /** HTTP requests the service is handling now (the observation's long task timers). */
    private long requestsInFlight() {
        return meters.find("http.server.requests.active").longTaskTimers().stream()
                .mapToLong(LongTaskTimer::activeTasks)
                .sum();
    }

    @Test
    void answers503WithRetryAfterForAnOrderNotSeenYetAndDoesNotRememberItUnderTheIdempotencyKey() {
        UUID orderId = UUID.randomUUID();
        String payment = "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 5.00}".formatted(orderId);
        Map<String, String> key = ApiClient.idempotencyKey("wc_unseen_" + orderId);
        long started = System.nanoTime();

        HttpResponse<String> early = woo().post("/api/v1/payments", payment, key);

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
        assertThat(early.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(body(early).path("type").asString()).endsWith("service-unavailable");
        assertThat(waited).isBetween(Duration.ofMillis(4500), Duration.ofSeconds(15));

        Feed.order(orderId, "woocommerce", "EUR", "5.00", OrderStatus.PENDING, 1);
        HttpResponse<String> retried = woo().post("/api/v1/payments", payment, key);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
    }

    @Test
    void rejectsAnotherCurrencyAnAmountAboveWhatIsOpenAndACancelledOrder() {
        UUID orderId = order("20.00");
        woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 15.00}".formatted(orderId));

        HttpResponse<String> currency = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"stripe\", \"currency\": \"USD\"}".formatted(orderId));
        HttpResponse<String> tooMuch = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"stripe\", \"amount\": 5.01}".formatted(orderId));
        UUID cancelled = UUID.randomUUID();
        // An order imported from the channel as cancelled.
        Feed.order(cancelled, "woocommerce", "EUR", "20.00", OrderStatus.CANCELLED, 1);
        HttpResponse<String> forCancelled =
                woo().post("/api/v1/payments", "{\"order_id\": \"%s\", \"provider\": \"stripe\"}".formatted(cancelled));

        assertThat(currency.statusCode()).isEqualTo(422);
        assertThat(body(currency).path("errors").get(0).path("field").asString())
                .isEqualTo("currency");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(body(tooMuch).path("errors").get(0).path("field").asString()).isEqualTo("amount");
        assertThat(body(tooMuch).path("detail").asString()).contains("5.00");
        assertThat(forCancelled.statusCode()).isEqualTo(422);
        assertThat(body(forCancelled).path("detail").asString()).contains("cancelled");
    }

    @Test
    void rejectsBadInputWithAProblemNamingTheField() {
        UUID orderId = order("20.00");

        HttpResponse<String> negative = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": -1}".formatted(orderId));
        HttpResponse<String> overPrecise = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 1.001}".formatted(orderId));
        HttpResponse<String> status = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"paypal\", \"status\": \"paid\"}".formatted(orderId));
        HttpResponse<String> malformed = woo().post("/api/v1/payments", "{\"order_id\": ");
        HttpResponse<String> wrongType = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": \"lots\"}".formatted(orderId));

        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(body(negative).path("errors").get(0).path("field").asString())
                .isEqualTo("amount");
        assertThat(overPrecise.statusCode()).isEqualTo(422);
        assertThat(body(overPrecise).path("errors").get(0).path("field").asString())
                .isEqualTo("amount");
        assertThat(status.statusCode()).isEqualTo(422);
        assertThat(body(status).path("errors").get(0).path("field").asString()).isEqualTo("status");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(data(woo().get("/api/v1/payments/order/" + orderId))).isEmpty();
    }

    @Test
    void hidesAnotherChannelsPaymentsAndOrders() {
        UUID orderId = order("20.00");
        String id = manualPayment(orderId);

        assertThat(pos().get("/api/v1/payments/" + id).statusCode()).isEqualTo(404);
        assertThat(pos().get("/api/v1/payments/" + id + "/history").statusCode())
                .isEqualTo(404);
        assertThat(data(pos().get("/api/v1/payments/order/" + orderId))).isEmpty();
        assertThat(pos().post("/api/v1/payments/" + id + "/refunds", "{\"amount\": 1.00}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(pos().post("/api/v1/payments/" + id + "/cancel", "{}").statusCode())
                .isEqualTo(404);
        assertThat(woo().get("/api/v1/payments/not-a-uuid").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesARecordedPaymentAboveWhatIsOpen() {
        UUID orderId = order("10.00");
        String body = """
                {"order_id": "%s", "provider": "%s", "amount": %s, "currency": "EUR", "status": "succeeded",
                 "source_payment_id": "%s"}
                """;

        HttpResponse<String> manual = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 999999.00}".formatted(orderId));
        HttpResponse<String> first =
                woo().post("/api/v1/payments", body.formatted(orderId, "stripe", "10.00", "pi_a_" + orderId));
        HttpResponse<String> second =
                woo().post("/api/v1/payments", body.formatted(orderId, "stripe", "5.00", "pi_b_" + orderId));

        assertThat(manual.statusCode()).as(manual.body()).isEqualTo(422);
        assertThat(manual.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(manual).path("errors").get(0).path("field").asString()).isEqualTo("amount");
        assertThat(body(manual).path("detail").asString())
                .contains("above what is open")
                .contains("10.00 EUR");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(422);
        assertThat(body(second).path("detail").asString()).contains("0.00 EUR");
        assertThat(data(woo().get("/api/v1/payments/order/" + orderId)))
                .singleElement()
                .satisfies(
                        p -> assertThat(p.path("source_payment_id").asString()).isEqualTo("pi_a_" + orderId));
    }

    @Test
    void refusesARecordedPaymentTurningSucceededWhenAnotherPaidTheOrderMeanwhile() {
        UUID orderId = order("10.00");
        String body = """
                {"order_id": "%s", "provider": "paypal", "amount": 10.00, "status": "%s", "source_payment_id": "%s"}
                """;
        HttpResponse<String> pending =
                woo().post("/api/v1/payments", body.formatted(orderId, "pending", "pp_a_" + orderId));
        woo().post("/api/v1/payments", body.formatted(orderId, "succeeded", "pp_b_" + orderId));

        HttpResponse<String> succeeded =
                woo().post("/api/v1/payments", body.formatted(orderId, "succeeded", "pp_a_" + orderId));

        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(201);
        assertThat(succeeded.statusCode()).as(succeeded.body()).isEqualTo(422);
        assertThat(body(succeeded).path("errors").get(0).path("field").asString())
                .isEqualTo("amount");
        assertThat(payment(UUID.fromString(data(pending).path("id").asString()))
                        .path("status")
                        .asString())
                .isEqualTo("pending");
    }

    @Test
    void letsOnlyOneOfTwoConcurrentRecordedPaymentsTakeWhatIsOpen() {
        List<UUID> orders = IntStream.range(0, 4).mapToObj(i -> order("10.00")).toList();
        ExecutorService clients = Executors.newFixedThreadPool(2 * orders.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            Map<UUID, List<CompletableFuture<HttpResponse<String>>>> answers = new LinkedHashMap<>();
            for (UUID orderId : orders) {
                answers.put(
                        orderId,
                        Stream.of("a", "b")
                                .map(name -> CompletableFuture.supplyAsync(
                                        () -> {
                                            awaitStart(start);
                                            return woo().post(
                                                            "/api/v1/payments", """
                                                    {"order_id": "%s", "provider": "bank_transfer", "amount": 10.00,
                                                     "status": "succeeded", "source_payment_id": "bt-%s-%s"}
                                                    """.formatted(orderId, name, orderId));
                                        },
                                        clients))
                                .toList());
            }
            start.countDown();

            answers.forEach((orderId, both) -> {
                List<Integer> statuses =
                        both.stream().map(f -> f.join().statusCode()).sorted().toList();
                assertThat(statuses).as("order " + orderId).containsExactly(201, 422);
                assertThat(data(woo().get("/api/v1/payments/order/" + orderId)))
                        .singleElement()
                        .satisfies(p -> assertThat(p.path("status").asString()).isEqualTo("succeeded"));
            });
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void answersAProblemForAmountsBeyondWhatTheHubStores() {
        UUID orderId = order("10.00");
        String id = manualPayment(orderId);

        for (String amount : List.of("9999999999999999.99", "1e400", "10000000000000")) {
            for (String currency : List.of("", ", \"currency\": \"EUR\"")) {
                HttpResponse<String> payment = woo().post(
                                "/api/v1/payments",
                                "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": %s%s}"
                                        .formatted(orderId, amount, currency));
                assertThat(payment.statusCode())
                        .as(amount + currency + ": " + payment.body())
                        .isEqualTo(422);
                assertThat(body(payment).path("errors").get(0).path("field").asString())
                        .isEqualTo("amount");
                assertThat(body(payment).path("detail").asString()).isEqualTo("amount: must be below 10000000000000");
            }
            HttpResponse<String> refund =
                    woo().post("/api/v1/payments/" + id + "/refunds", "{\"amount\": %s}".formatted(amount));
            assertThat(refund.statusCode()).as(amount + ": " + refund.body()).isEqualTo(422);
            assertThat(body(refund).path("detail").asString()).isEqualTo("amount: must be below 10000000000000");
        }
        HttpResponse<String> tiny = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 1e-400}".formatted(orderId));
        assertThat(tiny.statusCode()).as(tiny.body()).isEqualTo(422);
        assertThat(body(tiny).path("detail").asString()).isEqualTo("amount: has more than 4 fraction digits");
        assertThat(data(woo().get("/api/v1/payments/order/" + orderId))).hasSize(1);
        assertThat(payment(UUID.fromString(id)).path("refunded_amount").decimalValue())
                .isEqualByComparingTo("0");
    }

    /** A manual payment of all that is open; its id. */
    private String manualPayment(UUID orderId) {
        return data(woo().post(
                                "/api/v1/payments",
                                "{\"order_id\": \"%s\", \"provider\": \"manual\"}".formatted(orderId)))
                .path("id")
                .asString();
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refundsARecordedPaymentAtOnceAndListsPaymentsByCursor() {
        UUID orderId = order("30.00");
        String id = data(woo().post(
                                "/api/v1/payments",
                                "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 10.00}"
                                        .formatted(orderId)))
                .path("id")
                .asString();
        woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 20.00}".formatted(orderId));

        HttpResponse<String> refund = woo().post(
                        "/api/v1/payments/" + id + "/refunds",
                        "{\"amount\": 4.00}",
                        ApiClient.idempotencyKey("manual-refund-" + id));
        HttpResponse<String> firstPage = woo().get("/api/v1/payments?order_id=" + orderId + "&limit=1");
        HttpResponse<String> secondPage = woo().get("/api/v1/payments?order_id=" + orderId + "&limit=1&cursor="
                + body(firstPage).path("next_cursor").asString());

        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(data(refund).path("status").asString()).isEqualTo("succeeded");
        JsonNode payment = payment(UUID.fromString(id));
        assertThat(payment.path("status").asString()).isEqualTo("partially_refunded");
        assertThat(payment.path("refunded_amount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(data(firstPage)).hasSize(1);
        assertThat(data(secondPage)).hasSize(1);
        assertThat(data(secondPage).get(0).path("id").asString())
                .isNotEqualTo(data(firstPage).get(0).path("id").asString());
        assertThat(body(secondPage).path("next_cursor").isNull()).isTrue();
        awaitPublishedOnceInOrder(UUID.fromString(id), 2);
    }
}
