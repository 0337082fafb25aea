package cn.worksafety.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The test database seen from beside the service: a connection of its own for tests that play
 * another client of the database (holding a lock, as a long transaction or another replica would),
 * and the one number a query answers (a row count, the newest id) for tests that check what a
 * request wrote or left alone.
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

    /** The first column of the first row as a number, read through {@code dataSource}: {@code select count(*) from x}. */
    public static long number(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
