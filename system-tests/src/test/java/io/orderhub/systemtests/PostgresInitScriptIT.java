package io.orderhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.orderhub.local.postgres.LocalPostgres;
import io.orderhub.testsupport.RequiresTools;
import io.orderhub.testsupport.RequiresTools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * infra/postgres/init-databases.sh, which the postgres container of docker-compose.yml runs once, run
 * with psql against a real PostgreSQL 15 of its own (it creates databases and roles with fixed names, so
 * never on the shared test server): one database and login per service, each kept out of the others.
 * Skipped without psql and bash, failed instead under ORDERHUB_REQUIRE_TOOLS=true (.ci/run).
 */
@RequiresTools({Tool.BASH, Tool.PSQL})
class PostgresInitScriptIT {

    /** Quotes and a statement separator: the script must pass passwords as literals, never as SQL. */
    private static final String AWKWARD_PASSWORD = "it's \"odd\"; drop database postgres; --";

    private static LocalPostgres server;
    private static String scriptOutput;

    @BeforeAll
    static void runTheScriptOnAFreshServer() throws IOException, InterruptedException {
        server = LocalPostgres.startEphemeral();
        Path root = Path.of(System.getProperty("orderhub.root")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", root.resolve("infra/postgres/init-databases.sh").toString())
                .redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "PGHOST", "localhost",
                        "PGPORT", String.valueOf(server.port()),
                        "PGPASSWORD", "postgres",
                        "POSTGRES_USER", "postgres"));
        builder.environment()
                .putAll(Map.of(
                        "ORDER_DB_USER", "order_service",
                        "ORDER_DB_PASSWORD", AWKWARD_PASSWORD,
                        "PAYMENT_DB_USER", "payment_service",
                        "PAYMENT_DB_PASSWORD", "payment-password",
                        "CALLBACK_DB_USER", "callback_dispatcher",
                        "CALLBACK_DB_PASSWORD", "callback-password",
                        "REGISTRY_DB_USER", "schema_registry",
                        "REGISTRY_DB_PASSWORD", "registry-password"));
        Process process = builder.start();
        scriptOutput = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("init-databases.sh failed:%n%s", scriptOutput);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createsOneDatabaseOwnedByEachServiceLogin() throws SQLException {
        try (Connection connection = connect("postgres", "postgres");
                Statement statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select d.datname, r.rolname from pg_database d join pg_roles r on r.oid = d.datdba"
                                + " where d.datname in ('orders', 'payments', 'callbacks', 'schema_registry')"
                                + " order by d.datname")) {
            StringBuilder owners = new StringBuilder();
            while (result.next()) {
                owners.append(result.getString(1))
                        .append('=')
                        .append(result.getString(2))
                        .append(' ');
            }
            assertThat(owners.toString().trim())
                    .isEqualTo("callbacks=callback_dispatcher orders=order_service payments=payment_service"
                            + " schema_registry=schema_registry");
        }
        assertThat(scriptOutput).contains("database orders owned by order_service");
    }

    @Test
    void eachServiceCreatesItsSchemaInItsOwnDatabaseAsFlywayWill() throws SQLException {
        for (var database : Map.of(
                        "orders", "order_service",
                        "payments", "payment_service",
                        "callbacks", "callback_dispatcher")
                .entrySet()) {
            try (Connection connection = connect(database.getKey(), database.getValue());
                    Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists " + database.getKey());
                statement.execute("create table " + database.getKey() + ".probe (id int primary key)");
                statement.execute("insert into " + database.getKey() + ".probe values (1)");
            }
        }
    }

    @Test
    void aServiceLoginCannotConnectToAnotherServicesDatabase() {
        assertThatThrownBy(() -> connect("payments", "order_service").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database \"payments\"");
        assertThatThrownBy(() -> connect("orders", "callback_dispatcher").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database \"orders\"");
    }

    @Test
    void passwordsWithQuotesAndSemicolonsAreSetWithoutRunningAsSql() throws SQLException {
        try (Connection connection = connect("postgres", "postgres");
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("select count(*) from pg_database where datname = 'postgres'")) {
            result.next();
            assertThat(result.getInt(1)).isEqualTo(1);
        }
        try (Connection connection = connect("postgres", "postgres");
                var statement = connection.prepareStatement(
                        "select rolpassword from pg_authid where rolname = 'order_service'")) {
            var result = statement.executeQuery();
            assertThat(result.next()).isTrue();
            // Set (a SCRAM verifier, never the text), and the "drop database" in it never ran (above).
            assertThat(result.getString(1)).startsWith("SCRAM-SHA-256$").doesNotContain("odd");
        }
    }

    private static Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), user, "unused-with-trust-auth");
    }
}
