package cn.worksafety.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A connection of its own to the test database, beside the service's pool: for tests that play
 * another client of the database (holding a lock, as a long transaction or another replica would).
 */
public final class Database {

    private Database() {
    }

    public static Connection connect() {
        String url = System.getProperty("worksafety.test.jdbc-url");
        if (url == null) {
            throw new IllegalStateException("The embedded PostgreSQL has not been started (EmbeddedPostgresResource).");
        }
        try {
            return DriverManager.getConnection(url, "postgres", "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
