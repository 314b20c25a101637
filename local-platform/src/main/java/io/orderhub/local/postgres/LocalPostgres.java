package io.orderhub.local.postgres;

import io.orderhub.local.process.JavaProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * PostgreSQL 15 from zonky's embedded binaries (real server binaries from Maven Central). Run as root,
 * zonky starts the server as {@code nobody}.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    /** How PostgreSQL is shut down before a restart (its {@code pg_ctl stop -m} modes). */
    public enum Shutdown {
        /** Sessions are ended and open transactions rolled back, then a checkpoint: an operator's restart. */
        FAST,
        /** Every server process quits at once, without a checkpoint; the start replays the WAL, as after a crash. */
        IMMEDIATE
    }

    private final Path dataDirectory;
    private volatile EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /** A server whose data survive a restart in {@code dataDirectory}; port 0 picks a free port. */
    public static LocalPostgres startPersistent(Path dataDirectory, int port) {
        return new LocalPostgres(persistent(dataDirectory, port), dataDirectory);
    }

    private static EmbeddedPostgres persistent(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky turns fsync, synchronous_commit and full_page_writes off by default; data that
                    // outlive the process must also survive a crash of the machine.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "300");
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDirectory, e);
        }
    }

    /** A throw-away server in a temporary directory, for tests. */
    public static LocalPostgres startEphemeral() {
        try {
            return new LocalPostgres(
                    EmbeddedPostgres.builder()
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setServerConfig("max_connections", "300")
                            .setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off")
                            .start(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL", e);
        }
    }

    /**
     * Shuts the server down in the given mode and starts it again on the same port and data directory, as
     * an operator's restart or a crash and recovery do: clients lose their connections and must reconnect;
     * committed data stay. Only a {@link #startPersistent persistent} server can be restarted.
     */
    public synchronized void restart(Shutdown mode) {
        if (dataDirectory == null) {
            throw new IllegalStateException("A throw-away server keeps no data across a restart");
        }
        int port = port();
        switch (mode) {
            // zonky's close() is pg_ctl stop -m fast, and releases its lock on the data directory.
            case FAST -> close();
            case IMMEDIATE -> {
                // PostgreSQL's postmaster treats SIGQUIT as pg_ctl's immediate mode.
                long postmaster = postmaster();
                JavaProcess.signal(postmaster, "QUIT");
                awaitExit(postmaster);
                // Its pg_ctl stop now finds no server (logged as such), but the lock on the directory is released.
                close();
            }
        }
        server = persistent(dataDirectory, port);
    }

    /** The postmaster's process id, the first line of {@code postmaster.pid}. */
    public long postmaster() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException("No postmaster.pid in " + dataDirectory, e);
        }
    }

    private static void awaitExit(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            try {
                process.onExit().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while PostgreSQL shut down", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not shut down", e);
            }
        });
    }

    public int port() {
        return server.getPort();
    }

    /** The superuser ({@code postgres}) JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public DataSource superuserDataSource() {
        return server.getPostgresDatabase();
    }

    /** Creates the role (login, password) and a database it owns, unless they exist. */
    public void ensureDatabase(String database, String owner, String password) {
        requireIdentifier(database);
        requireIdentifier(owner);
        try (Connection connection = superuserDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from pg_roles where rolname = '" + owner + "'")) {
                statement.execute("create role " + owner + " login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(statement, "select 1 from pg_database where datname = '" + database + "'")) {
                statement.execute("create database " + database + " owner " + owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next();
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
