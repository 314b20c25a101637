package io.orderhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.local.Database;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.TestDatabase;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event written to order-service's outbox reaches payment-service's consumer through the real broker
 * and the Avro serde, with the two services as separate processes started from their jars, exactly as
 * bin/orderhub-local runs them: schema ids and settings are shared only the way they are there.
 */
class WalkingSkeletonIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String POS_KEY = "pos-walking-skeleton-key";

    private static Platform platform;
    private static TestDatabase paymentDatabase;

    @BeforeAll
    static void startTwoServices() {
        TestDatabase orderDatabase = TestPostgres.newDatabase();
        paymentDatabase = TestPostgres.newDatabase();
        platform = Platform.builder(Path.of(System.getProperty("orderhub.root")))
                .only(Service.ORDER_SERVICE, Service.PAYMENT_SERVICE)
                .httpPort(Platform.freePortBlock())
                .logDirectory(Path.of("target", "service-logs", "walking-skeleton"))
                .environment(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        TestKafka.bootstrapServers(),
                        "SCHEMA_REGISTRY_URL",
                        "mock://",
                        "API_KEYS",
                        "pos:" + POS_KEY))
                .database(Service.ORDER_SERVICE, database(orderDatabase))
                .database(Service.PAYMENT_SERVICE, database(paymentDatabase))
                .jvmOptions(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anOrderEventFromOneProcessReachesTheConsumerInAnother() throws Exception {
        String sourceOrderId = UUID.randomUUID().toString();
        HttpResponse<String> created = ApiClient.of(platform.url(Service.ORDER_SERVICE), POS_KEY)
                .post("/api/v1/orders", """
                        {"source": "pos", "source_order_id": "%s", "currency": "EUR", "grand_total": 12.50,
                         "items": [{"name": "Kaffee", "quantity": 1, "price": 12.50}]}
                        """.formatted(sourceOrderId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID orderId = UUID.fromString(
                JSON.readTree(created.body()).path("data").path("id").asText());

        BigDecimal seen = await().atMost(Duration.ofSeconds(60))
                .until(() -> grandTotalSeenByPayments(orderId), total -> total != null);

        assertThat(seen).isEqualByComparingTo("12.50");
    }

    private static BigDecimal grandTotalSeenByPayments(UUID orderId) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        paymentDatabase.jdbcUrl(), paymentDatabase.username(), paymentDatabase.password());
                PreparedStatement query =
                        connection.prepareStatement("select grand_total from payments.order_view where id = ?")) {
            query.setObject(1, orderId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getBigDecimal(1) : null;
            }
        } catch (java.sql.SQLException e) {
            return null; // the schema appears when payment-service has migrated
        }
    }

    private static Database database(TestDatabase database) {
        return new Database(database.jdbcUrl(), database.username(), database.password());
    }
}
