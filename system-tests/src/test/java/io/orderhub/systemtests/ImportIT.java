package io.orderhub.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.harness.FullPlatform;
import io.orderhub.harness.StripeEvents;
import io.orderhub.importer.OrderhubImport;
import io.orderhub.local.Database;
import io.orderhub.local.Service;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.TestDatabase;
import io.orderhub.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * bin/orderhub-import end to end: the old hub's database (its schema and rows with every known defect, from
 * import-tool's fixture) imported into the running platform through its edge, twice; then the old hub's Stripe
 * PaymentIntent still in flight settles through the new hub's webhook.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN_FLIGHT_ORDER = "0a000000-0000-4000-8000-000000000002";

    private static FullPlatform running;
    private static TestDatabase legacy;

    @BeforeAll
    static void start() throws Exception {
        legacy = TestPostgres.newDatabase();
        Path fixture = Path.of(System.getProperty("orderhub.root"), "import-tool/src/test/resources/legacy");
        try (Connection connection =
                        DriverManager.getConnection(legacy.jdbcUrl(), legacy.username(), legacy.password());
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(fixture.resolve("schema.sql")));
            statement.execute(Files.readString(fixture.resolve("rows.sql")));
        }
        running = FullPlatform.start("import");
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    record Run(int status, String report) {}

    private static Run importOnce() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = OrderhubImport.run(
                new String[] {
                    "--legacy-db-url", legacy.jdbcUrl(),
                    "--legacy-db-user", legacy.username(),
                    "--legacy-db-password", legacy.password(),
                    "--hub", running.platform().origin().toString(),
                    "--key", FullPlatform.ADMIN_KEY
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                Map.of());
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void importsTheFixtureTwiceInARowBothReportsPassingAndNothingDoubled() throws Exception {
        Run first = importOnce();
        assertThat(first.status()).as(first.report()).isZero();
        assertThat(first.report()).contains("Result: PASSED");
        List<Long> afterFirst = counts();

        Run second = importOnce();

        assertThat(second.status()).as(second.report()).isZero();
        assertThat(second.report()).contains("Result: PASSED");
        assertThat(counts()).isEqualTo(afterFirst).containsExactly(10L, 12L, 22L, 9L, 16L);
        JsonNode paidWhilePending = order("0a000000-0000-4000-8000-000000000005");
        assertThat(paidWhilePending.path("status").asText()).isEqualTo("paid");
        assertThat(paidWhilePending.path("source").asText()).isEqualTo("pos");
        assertThat(order("0a000000-0000-4000-8000-000000000001")
                        .path("tax_total")
                        .asText())
                .isEqualTo("43.32");
    }

    @Test
    @Order(2)
    void noCallbackGoesOutForTheImportedHistory() throws Exception {
        // Every imported order reached the dispatcher: it keeps each one's latest version.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> count(Service.CALLBACK_DISPATCHER, "callbacks.order_state") == 10);
        // and order-service kept every imported payment without publishing a change of its order.
        await().atMost(Duration.ofSeconds(90)).until(() -> count(Service.ORDER_SERVICE, "orders.order_payments") == 9);

        assertThat(count(Service.CALLBACK_DISPATCHER, "callbacks.delivery")).isZero();
        running.receivers().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    @Order(3)
    void theOldHubsPaymentIntentInFlightSettlesThroughTheNewWebhookAndPaysItsOrder() throws Exception {
        String intent = """
                {"id": "pi_3InFlight0002", "object": "payment_intent", "amount": 4770, "amount_received": 4770,
                 "currency": "eur", "status": "succeeded", "client_secret": "pi_3InFlight0002_secret", "livemode": true,
                 "metadata": {}}""";
        String event = StripeEvents.event("evt_import_inflight_0002", "payment_intent.succeeded", intent);

        HttpResponse<String> webhook = running.sendStripeEvent(event);

        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> order(IN_FLIGHT_ORDER).path("status").asText(), "paid"::equals);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> running.receivers()
                                .findAll(postRequestedFor(urlPathEqualTo("/wp-json/order-hub/v1/callback")))
                                .size()
                        == 1);
        assertThat(running.receivers()
                        .findAll(postRequestedFor(urlPathEqualTo("/wp-json/order-hub/v1/callback")))
                        .get(0)
                        .getBodyAsString())
                .contains(IN_FLIGHT_ORDER)
                .contains("\"status\":\"paid\"");
    }

    private static JsonNode order(String id) throws Exception {
        HttpResponse<String> response = ApiClient.of(running.platform().origin(), FullPlatform.ADMIN_KEY)
                .get("/api/v1/orders/" + id);
        return JSON.readTree(response.body()).path("data");
    }

    /** Orders, items, history rows, payments and payment history rows, as the services store them. */
    private static List<Long> counts() throws Exception {
        return List.of(
                count(Service.ORDER_SERVICE, "orders.orders"),
                count(Service.ORDER_SERVICE, "orders.order_items"),
                count(Service.ORDER_SERVICE, "orders.order_status_history"),
                count(Service.PAYMENT_SERVICE, "payments.payment"),
                count(Service.PAYMENT_SERVICE, "payments.payment_status_history"));
    }

    private static long count(Service service, String table) throws Exception {
        Database database = running.database(service);
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
