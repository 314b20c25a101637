package io.orderhub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15 (zonky's real server binaries) with production durability: every commit waits for its
 * WAL to be flushed to disk. Neither {@code LocalPostgres.startEphemeral()} (fsync off) nor
 * {@code LocalPostgres.startPersistent(...)} fits: zonky's builder sets {@code synchronous_commit=off}
 * by default, which would hide the commit's fsync, the largest cost of a writer's transaction.
 */
public final class DurablePostgres implements AutoCloseable {

    static final String DATABASE = "outbox_bench";
    private static final List<String> DURABILITY_SETTINGS =
            List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "wal_level");

    private final EmbeddedPostgres server;

    private DurablePostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static DurablePostgres start(Path dataDirectory) {
        try {
            DurablePostgres postgres = new DurablePostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .start());
            postgres.createDatabase();
            postgres.requireDurable();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    /** The server's version and durability settings, as the server reports them. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            described.put("version", single(statement, "select version()"));
            for (String setting : DURABILITY_SETTINGS) {
                described.put(setting, single(statement, "show " + setting));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read PostgreSQL's settings", e);
        }
        described.put("server", "zonky embedded PostgreSQL binaries, started by the benchmark (not the test server)");
        return described;
    }

    private void createDatabase() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + DATABASE, e);
        }
    }

    /** A benchmark of durable commits on a server that does not flush them would be a lie. */
    private void requireDurable() {
        Map<String, Object> settings = describe();
        if (!"on".equals(settings.get("fsync")) || !"on".equals(settings.get("synchronous_commit"))) {
            throw new IllegalStateException("PostgreSQL is not durable: " + settings);
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
