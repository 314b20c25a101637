package io.orderhub.testsupport;

import io.orderhub.local.postgres.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server of this test JVM: the one {@code ORDERHUB_TEST_DB_URL} names (with
 * {@code ORDERHUB_TEST_DB_USER} / {@code ORDERHUB_TEST_DB_PASSWORD}; a role that may create databases),
 * else an embedded PostgreSQL 15 started on first use; in the {@code testcontainers} profile the
 * {@value ProductionImages#POSTGRES_IMAGE} image. Every call to {@link #newDatabase()} creates a
 * database nobody else uses, so each run starts fresh.
 */
public final class TestPostgres {

    private static final String URL_VARIABLE = "ORDERHUB_TEST_DB_URL";

    private TestPostgres() {}

    public static TestDatabase newDatabase() {
        return Server.INSTANCE.createDatabase();
    }

    private static final class Server {
        static final Server INSTANCE = new Server();

        private final String adminUrl;
        private final String username;
        private final String password;

        private Server() {
            String external = System.getenv(URL_VARIABLE);
            if (ProductionImages.requested()) {
                var container = ProductionImages.postgres();
                adminUrl = container.getJdbcUrl();
                username = container.getUsername();
                password = container.getPassword();
            } else if (external != null && !external.isBlank()) {
                adminUrl = external;
                username = envOr("ORDERHUB_TEST_DB_USER", "postgres");
                password = envOr("ORDERHUB_TEST_DB_PASSWORD", "postgres");
            } else {
                LocalPostgres embedded = LocalPostgres.startEphemeral();
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-postgres-stop"));
                adminUrl = embedded.jdbcUrl("postgres");
                username = "postgres";
                password = "postgres";
            }
        }

        TestDatabase createDatabase() {
            String name = "orderhub_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create a test database on " + adminUrl, e);
            }
            return new TestDatabase(withDatabase(adminUrl, name), username, password);
        }

        /** The same server URL with another database: jdbc:postgresql://host:port/<db>[?params]. */
        private static String withDatabase(String url, String database) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String params = query < 0 ? "" : url.substring(query);
            int slash = base.indexOf('/', "jdbc:postgresql://".length());
            String server = slash < 0 ? base : base.substring(0, slash);
            return server + "/" + database + params;
        }

        private static String envOr(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
