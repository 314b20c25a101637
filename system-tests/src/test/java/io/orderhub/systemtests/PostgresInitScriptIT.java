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
        assertThat(pairs("select d.datname, r.rolname from pg_database d join pg_roles r on r.oid = d.datdba"
                        + " where d.datname in ('orders', 'payments', 'callbacks', 'schema_registry')"
                        + " order by d.datname"))
                .isEqualTo("callbacks=callback_dispatcher orders=order_service payments=payment_service"
                        + " schema_registry=schema_registry");
        assertThat(scriptOutput).contains("database orders owned by order_service");
    }

    @Test
    void eachServiceCreatesItsSchemaInItsOwnDatabaseAsFlywayWill() throws SQLException {
        for (var database : Map.of(
                        "orders", "order_service",
                        "payments", "payment_service",
                        "callbacks", "callback_dispatcher")
                .entrySet()) {
            String schema = database.getKey();
            try (Connection connection = connect(database.getKey(), database.getValue());
                    Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists " + schema);
                statement.execute("create table " + schema + ".probe (id int primary key)");
                statement.execute("insert into " + schema + ".probe values (1)");
                try (var result = statement.executeQuery("select n.nspowner::regrole::text,"
                        + " (select count(*) from " + schema + ".probe)"
                        + " from pg_namespace n where n.nspname = '" + schema + "'")) {
                    assertThat(result.next()).as(schema).isTrue();
                    assertThat(result.getString(1)).as(schema).isEqualTo(database.getValue());
                    assertThat(result.getInt(2)).as(schema).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void createsEachServiceLoginWithoutAnyPowerBeyondItsDatabase() throws SQLException {
        try (Connection connection = connect("postgres", "postgres");
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("select rolname, rolcanlogin, rolsuper, rolcreatedb,"
                        + " rolcreaterole, rolbypassrls from pg_roles"
                        + " where rolname in ('order_service', 'payment_service', 'callback_dispatcher',"
                        + " 'schema_registry') order by rolname")) {
            StringBuilder roles = new StringBuilder();
            while (result.next()) {
                roles.append(result.getString(1));
                for (int column = 2; column <= 6; column++) {
                    roles.append(result.getBoolean(column) ? " +" : " -");
                }
                roles.append('\n');
            }
            // login, superuser, createdb, createrole, bypassrls
            assertThat(roles.toString())
                    .isEqualTo("callback_dispatcher + - - - -\n"
                            + "order_service + - - - -\n"
                            + "payment_service + - - - -\n"
                            + "schema_registry + - - - -\n");
        }
    }

    @Test
    void grantsConnectOnEachDatabaseToItsOwnerOnlyAndNothingToPublic() throws SQLException {
        assertThat(pairs("select d.datname, r.rolname from pg_database d cross join pg_roles r"
                        + " where d.datname in ('orders', 'payments', 'callbacks', 'schema_registry')"
                        + " and r.rolname in ('order_service', 'payment_service', 'callback_dispatcher',"
                        + " 'schema_registry')"
                        + " and has_database_privilege(r.oid, d.oid, 'CONNECT')"
                        + " order by d.datname"))
                .isEqualTo("callbacks=callback_dispatcher orders=order_service payments=payment_service"
                        + " schema_registry=schema_registry");
        assertThat(pairs("select d.datname, acl.privilege_type from pg_database d, aclexplode(d.datacl) acl"
                        + " where d.datname in ('orders', 'payments', 'callbacks', 'schema_registry')"
                        + " and acl.grantee = 0"))
                .as("grants to PUBLIC")
                .isEmpty();
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

    /** The query's two columns as {@code a=b c=d}, one pair a row, as the server's superuser sees them. */
    private static String pairs(String sql) throws SQLException {
        try (Connection connection = connect("postgres", "postgres");
                Statement statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            StringBuilder pairs = new StringBuilder();
            while (result.next()) {
                pairs.append(result.getString(1))
                        .append('=')
                        .append(result.getString(2))
                        .append(' ');
            }
            return pairs.toString().trim();
        }
    }

    private static Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), user, "unused-with-trust-auth");
    }
}
