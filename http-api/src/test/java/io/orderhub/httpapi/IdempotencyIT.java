package io.orderhub.httpapi;

import static io.orderhub.testsupport.ApiClient.idempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.httpapi.idempotency.IdempotencyStore;
import io.orderhub.httpapi.testapp.PlaceWidgetOrder;
import io.orderhub.httpapi.testapp.WidgetController;
import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyIT extends GuardRailsTestBase {

    @Autowired
    PlaceWidgetOrder orders;

    @Autowired
    IdempotencyStore store;

    @Autowired
    DSLContext db;

    @AfterEach
    void reset() {
        WidgetController.gate = new CountDownLatch(0);
        WidgetController.failing.set(false);
    }

    @Test
    void replaysTheStoredResponseByteForByte() {
        String reference = ref();
        String key = "key-" + UUID.randomUUID();
        ApiClient shop = client(SHOP_KEY);

        HttpResponse<String> first =
                shop.post("/api/v1/orders", order("woocommerce", reference, "39.80"), idempotencyKey(key));
        HttpResponse<String> replay =
                shop.post("/api/v1/orders", order("woocommerce", reference, "39.80"), idempotencyKey(key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(orders.count(reference)).isEqualTo(1);
    }

    @Test
    void treatsTheSameBodyWithOtherKeyOrderAndNumberFormAsTheSameRequest() {
        String reference = ref();
        String key = "key-" + UUID.randomUUID();
        ApiClient shop = client(SHOP_KEY);

        HttpResponse<String> first = shop.post(
                "/api/v1/orders",
                "{\"source\": \"woocommerce\", \"reference\": \"" + reference + "\", \"amount\": 39.8}",
                idempotencyKey(key));
        HttpResponse<String> again = shop.post(
                "/api/v1/orders",
                "{\"amount\": 39.80, \"reference\": \"" + reference + "\", \"source\": \"woocommerce\"}",
                idempotencyKey(key));

        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(orders.count(reference)).isEqualTo(1);
    }

    @Test
    void answers422WhenTheKeyComesBackWithAnotherBody() {
        String key = "key-" + UUID.randomUUID();
        ApiClient shop = client(SHOP_KEY);
        shop.post("/api/v1/orders", order("woocommerce", ref(), "1.00"), idempotencyKey(key));

        String otherReference = ref();
        HttpResponse<String> reused =
                shop.post("/api/v1/orders", order("woocommerce", otherReference, "1.00"), idempotencyKey(key));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
        assertThat(orders.count(otherReference)).isZero();
    }

    @Test
    void answers409WhileTheFirstRequestIsStillInFlight() throws Exception {
        String reference = ref();
        String key = "key-" + UUID.randomUUID();
        ApiClient shop = client(SHOP_KEY);

        CompletableFuture<HttpResponse<String>> first =
                heldInTheHandler(shop, order("woocommerce", reference, "2.00"), key);
        HttpResponse<String> second =
                shop.post("/api/v1/orders", order("woocommerce", reference, "2.00"), idempotencyKey(key));
        WidgetController.gate.countDown();

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(second.body()).contains("idempotency-key-in-flight");
        assertThat(first.get().statusCode()).isEqualTo(201);
        assertThat(orders.count(reference)).isEqualTo(1);
    }

    @Test
    void aRequestWhoseLeaseWasTakenOverCannotCompleteAndItsEffectRollsBack() throws Exception {
        String reference = ref();
        String key = "key-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> slow =
                heldInTheHandler(client(SHOP_KEY), order("woocommerce", reference, "2.50"), key);
        // Its lease ran out while it was still working, and another instance took the key over, as
        // IdempotencyStore.claim does (IdempotencyStoreIT shows claim raising the token).
        db.execute(
                "update idempotency_key set fence = fence + 1, locked_until = now() + interval '60 seconds'"
                        + " where idempotency_key = ?",
                key);
        WidgetController.gate.countDown();

        HttpResponse<String> lost = slow.get();
        assertThat(lost.statusCode()).isEqualTo(409);
        assertThat(lost.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(lost.body()).contains("idempotency-key-in-flight");
        assertThat(orders.count(reference))
                .as("the lost request's effect rolled back")
                .isZero();
        assertThat(storedState(key))
                .as("still held by the request that took over")
                .isEqualTo("in_flight");
        assertThat(column(key, "fence")).isEqualTo("2");
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyHaveExactlyOneEffect() throws Exception {
        String reference = ref();
        String key = "wc_10023_" + System.currentTimeMillis();
        ApiClient shop = client(SHOP_KEY);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return shop.post(
                                    "/api/v1/orders", order("woocommerce", reference, "3.00"), idempotencyKey(key));
                        },
                        clients));
            }
            start.countDown();
            List<HttpResponse<String>> responses =
                    answers.stream().map(CompletableFuture::join).toList();

            String created = responses.stream()
                    .filter(r -> r.statusCode() == 201
                            && r.headers().firstValue("Idempotent-Replayed").isEmpty())
                    .map(HttpResponse::body)
                    .findFirst()
                    .orElseThrow();
            assertThat(responses).allSatisfy(r -> {
                assertThat(r.statusCode()).isIn(201, 409);
                if (r.statusCode() == 201) {
                    assertThat(r.body()).isEqualTo(created);
                }
            });
            assertThat(responses.stream()
                            .filter(r -> r.statusCode() == 201
                                    && r.headers()
                                            .firstValue("Idempotent-Replayed")
                                            .isEmpty()))
                    .hasSize(1);
            assertThat(orders.count(reference)).isEqualTo(1);
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void releasesTheKeyAfterAServerErrorSoARetryRunsAgain() {
        String reference = ref();
        String key = "key-" + UUID.randomUUID();
        ApiClient shop = client(SHOP_KEY);
        WidgetController.failing.set(true);

        HttpResponse<String> failed =
                shop.post("/api/v1/payments", order("woocommerce", reference, "4.00"), idempotencyKey(key));
        WidgetController.failing.set(false);
        HttpResponse<String> retried =
                shop.post("/api/v1/payments", order("woocommerce", reference, "4.00"), idempotencyKey(key));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("provider is down").doesNotContain("Exception");
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(orders.count(reference)).isEqualTo(1);
    }

    @Test
    void doesNotStoreAConflictSoARetryRunsAgain() {
        String reference = ref();
        ApiClient shop = client(SHOP_KEY);
        shop.post("/api/v1/orders", order("woocommerce", reference, "5.00"));
        String key = "key-" + UUID.randomUUID();

        HttpResponse<String> conflict =
                shop.post("/api/v1/orders", order("woocommerce", reference, "5.00"), idempotencyKey(key));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("\"reference\":\"" + reference + "\"");
        assertThat(storedState(key)).isNull();
    }

    @Test
    void storesAndReplaysAValidationError() {
        String key = "key-" + UUID.randomUUID();
        ApiClient shop = client(SHOP_KEY);
        String invalid = "{\"source\": \"woocommerce\", \"reference\": \"\", \"amount\": -1}";

        HttpResponse<String> first = shop.post("/api/v1/orders", invalid, idempotencyKey(key));
        HttpResponse<String> replay = shop.post("/api/v1/orders", invalid, idempotencyKey(key));

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void storesTheAnswerOfAHandlerThatCommitsOnItsOwn() {
        String reference = ref();
        String key = "key-" + UUID.randomUUID();
        ApiClient shop = client(SHOP_KEY);
        int callsBefore = WidgetController.providerCalls.get();

        HttpResponse<String> first =
                shop.post("/api/v1/payments", order("woocommerce", reference, "6.00"), idempotencyKey(key));
        HttpResponse<String> replay =
                shop.post("/api/v1/payments", order("woocommerce", reference, "6.00"), idempotencyKey(key));

        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(WidgetController.providerCalls.get() - callsBefore).isEqualTo(1);
        assertThat(orders.count(reference)).isEqualTo(1);
    }

    @Test
    void scopesKeysPerApiKey() {
        String key = "shared-" + UUID.randomUUID();
        String shopReference = ref();
        String adminReference = ref();

        HttpResponse<String> shop = client(SHOP_KEY)
                .post("/api/v1/orders", order("woocommerce", shopReference, "7.00"), idempotencyKey(key));
        HttpResponse<String> admin = client(ADMIN_KEY)
                .post("/api/v1/orders", order("woocommerce", adminReference, "7.00"), idempotencyKey(key));

        assertThat(shop.statusCode()).isEqualTo(201);
        assertThat(admin.statusCode()).isEqualTo(201);
        assertThat(admin.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(orders.count(shopReference)).isEqualTo(1);
        assertThat(orders.count(adminReference)).isEqualTo(1);
    }

    @Test
    void forgetsAKeyAfter24HoursAndPurgesIt() {
        String key = "key-" + UUID.randomUUID();
        String reference = ref();
        ApiClient shop = client(SHOP_KEY);
        shop.post("/api/v1/orders", order("woocommerce", reference, "8.00"), idempotencyKey(key));
        ageKey(key, Duration.ofHours(25));

        String nextDayReference = ref();
        HttpResponse<String> nextDay =
                shop.post("/api/v1/orders", order("woocommerce", nextDayReference, "8.00"), idempotencyKey(key));
        assertThat(nextDay.statusCode()).isEqualTo(201);
        assertThat(nextDay.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(orders.count(nextDayReference)).isEqualTo(1);

        ageKey(key, Duration.ofHours(25));
        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(storedState(key)).isNull();
    }

    @Test
    void rejectsAMalformedKey() {
        HttpResponse<String> response =
                client(SHOP_KEY).post("/api/v1/orders", order("woocommerce", ref(), "1"), idempotencyKey("with space"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Idempotency-Key");
    }

    /** Sends an order that waits inside the handler, holding its key, until the test opens the gate. */
    private CompletableFuture<HttpResponse<String>> heldInTheHandler(ApiClient client, String body, String key) {
        WidgetController.gate = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> held =
                CompletableFuture.supplyAsync(() -> client.post("/api/v1/orders", body, idempotencyKey(key)));
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(key));
        return held;
    }

    private boolean inFlight(String key) {
        return "in_flight".equals(storedState(key));
    }

    private String column(String key, String name) {
        return db.select(DSL.field(name).cast(String.class))
                .from(DSL.table("idempotency_key"))
                .where(DSL.field("idempotency_key", String.class).eq(key))
                .fetchOne(0, String.class);
    }

    private String storedState(String key) {
        return db.select(DSL.field("state", String.class))
                .from(DSL.table("idempotency_key"))
                .where(DSL.field("idempotency_key", String.class).eq(key))
                .fetchOne(0, String.class);
    }

    private void ageKey(String key, Duration age) {
        db.execute(
                "update idempotency_key set created_at = now() - ? * interval '1 second' where idempotency_key = ?",
                age.toSeconds(),
                key);
    }

    private static String ref() {
        return "ref-" + UUID.randomUUID();
    }
}
