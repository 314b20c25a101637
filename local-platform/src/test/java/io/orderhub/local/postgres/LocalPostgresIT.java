package io.orderhub.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.local.postgres.LocalPostgres.Shutdown;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsCommittedRowsAcrossAFastAndAnImmediateRestartOnTheSamePort() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startPersistent(dataDirectory, 0)) {
            int port = postgres.port();
            postgres.ensureDatabase("probe", "probe_owner", "probe-password");
            execute(postgres, "create table note (text varchar(20) not null)");
            execute(postgres, "insert into note values ('before fast')");
            long postmaster = postgres.postmaster();

            postgres.restart(Shutdown.FAST);
            assertThat(postgres.port()).isEqualTo(port);
            assertThat(postgres.postmaster()).isNotEqualTo(postmaster);
            execute(postgres, "insert into note values ('before immediate')");

            postgres.restart(Shutdown.IMMEDIATE);
            assertThat(postgres.port()).isEqualTo(port);
            assertThat(notes(postgres)).containsExactly("before fast", "before immediate");
        }
    }

    @Test
    void aConnectionOpenedBeforeARestartFailsAndANewOneWorks() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startPersistent(dataDirectory, 0)) {
            postgres.ensureDatabase("probe", "probe_owner", "probe-password");
            try (Connection before = connect(postgres)) {
                postgres.restart(Shutdown.IMMEDIATE);

                assertThatThrownBy(() -> before.createStatement().execute("select 1"))
                        .isInstanceOf(SQLException.class);
            }
            try (Connection after = connect(postgres)) {
                assertThat(after.createStatement().execute("select 1")).isTrue();
            }
        }
    }

    @Test
    void aThrowAwayServerRefusesARestart() {
        try (LocalPostgres postgres = LocalPostgres.startEphemeral()) {
            assertThatThrownBy(() -> postgres.restart(Shutdown.FAST)).isInstanceOf(IllegalStateException.class);
        }
    }

    private static Connection connect(LocalPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("probe"), "probe_owner", "probe-password");
    }

    private static void execute(LocalPostgres postgres, String sql) throws SQLException {
        try (Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> notes(LocalPostgres postgres) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection connection = connect(postgres);
                ResultSet rows = connection.createStatement().executeQuery("select text from note order by text")) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        return notes;
    }
}
