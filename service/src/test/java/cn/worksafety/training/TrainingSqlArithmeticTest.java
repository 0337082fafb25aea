package cn.worksafety.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The check computes expiry dates in PostgreSQL; the API in Java. They must agree on every day,
 * month ends and leap days above all: {@code date + make_interval(months => n)} against
 * {@link java.time.LocalDate#plusMonths}.
 */
@QuarkusTest
class TrainingSqlArithmeticTest {

    @Inject
    DataSource dataSource;

    @Test
    void postgresMonthArithmeticMatchesJavaPlusMonthsOnEveryDayOfSixYears() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select cast(d as date), m, cast(cast(d as date) + make_interval(months => m) as date)
                        from generate_series(date '2023-01-01', date '2028-12-31', interval '1 day') d,
                             unnest(array[1, 2, 3, 6, 11, 12, 13, 24, 36, 48, 72, 120]) m""")) {
            while (rows.next()) {
                var from = rows.getObject(1, java.time.LocalDate.class);
                int months = rows.getInt(2);
                var sql = rows.getObject(3, java.time.LocalDate.class);
                if (!from.plusMonths(months).equals(sql)) {
                    mismatches.add(from + " + " + months + ": java " + from.plusMonths(months) + ", sql " + sql);
                }
                compared++;
            }
        }
        assertTrue(compared > 25_000);
        assertEquals(List.of(), mismatches);
    }
}
