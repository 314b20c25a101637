package io.orderhub.importer;

import io.orderhub.testsupport.TestDatabase;
import io.orderhub.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh legacy hub database: the old hub's schema (its migrations 001–011) and the realistic rows. */
final class LegacyFixture {

    private LegacyFixture() {}

    static TestDatabase database() {
        TestDatabase database = TestPostgres.newDatabase();
        run(database, "legacy/schema.sql");
        run(database, "legacy/rows.sql");
        return database;
    }

    static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    static void run(TestDatabase database, String resource) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(read(resource));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + resource, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = LegacyFixture.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
