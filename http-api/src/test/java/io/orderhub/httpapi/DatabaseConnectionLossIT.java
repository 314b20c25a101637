package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * PostgreSQL ends the sessions of the pool's connections, as its fast or immediate shutdown before a restart
 * does (pg_terminate_backend sends the same 57P01 a fast shutdown sends). The pool's one connection is handed
 * out again without a liveness check — Hikari skips it for a connection used within the last 500 ms, as a busy
 * service's always are; here the window is widened so that the test does not depend on timing. The request that
 * meets the dead connection is answered 503 with Retry-After, not 500, and the next one works on a new
 * connection.
 */
@TestPropertySource(
        properties = {
            "DB_POOL_SIZE=1",
            "spring.flyway.url=${spring.datasource.url}",
            "spring.flyway.user=${spring.datasource.username}",
            "spring.flyway.password=${spring.datasource.password}"
        })
class DatabaseConnectionLossIT extends GuardRailsTestBase {

    private static final String ALIVE_BYPASS = "com.zaxxer.hikari.aliveBypassWindowMs";

    static {
        // Read when the pool is created, which happens with this class's own application context.
        System.setProperty(ALIVE_BYPASS, "3600000");
    }

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password}")
    String password;

    @AfterAll
    static void restoreTheLivenessCheck() {
        System.clearProperty(ALIVE_BYPASS);
    }

    @BeforeEach
    void thePoolHoldsAConnection() {
        assertThat(client(SHOP_KEY).get("/api/v1/orders/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void answers503WithRetryAfterWhenTheDatabaseEndedTheConnectionAndServesTheNextRequestOnANewOne() throws Exception {
        assertThat(endTheServiceSessions()).isPositive();

        HttpResponse<String> lost = client(SHOP_KEY).get("/api/v1/orders/" + UUID.randomUUID());

        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(503);
        assertThat(lost.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(lost.body())
                .contains("\"type\":\"https://orderhub.io/problems/service-unavailable\"")
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("terminating");
        assertThat(client(SHOP_KEY).get("/api/v1/orders/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    /** Ends every other session on the service's database, as a shutdown does; returns how many. */
    private int endTheServiceSessions() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement();
                ResultSet ended = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid()")) {
            ended.next();
            return ended.getInt(1);
        }
    }
}
