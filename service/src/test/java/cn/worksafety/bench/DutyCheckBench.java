package cn.worksafety.bench;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Not a test (surefire's default includes skip *Bench): run by bench/duty-check.sh. Inserts
 * {@code bench.units} enterprises (default 10,000) of one county, 4 rules binding them by kind
 * (weekly SELF_INSPECTION, monthly WRITTEN_RETURN, quarterly SPECIAL_INSPECTION, half-yearly
 * DRILL, from 2025-07-01) and a year of events: each unit meets about 80% of its periods. Then
 * times runChecks and counts dutyCompliance's statements. Prints "BENCH" lines, never asserts on time.
 */
@QuarkusTest
class DutyCheckBench {

    private static final String AS_OF = "2026-07-10";

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void timeTheDutyChecks() throws Exception {
        int units = Integer.getInteger("bench.units", 10_000);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            // The pool's statement timeout is for request work; the bulk insert takes longer.
            sql.execute("set statement_timeout = 0");
            sql.execute("insert into region (code, name, level, parent_code, path) values "
                    + "('DBENCH', 'Bench city', 'CITY', null, '/DBENCH/'), ('DBENCHK', 'Bench county', 'COUNTY', 'DBENCH', '/DBENCH/DBENCHK/')");
            try (PreparedStatement insert = connection.prepareStatement("insert into unit (code, name, kind, region_code) "
                    + "select 'DBENCH-E' || g, 'Bench enterprise ' || g, 'ENTERPRISE', 'DBENCHK' from generate_series(1, ?) g")) {
                insert.setInt(1, units);
                insert.executeUpdate();
            }
            sql.execute("""
                    insert into duty_rule (title, kind, frequency, minimum, unit_kinds, region_code, due_day, grace_days, effective_from)
                    values ('Bench weekly self-inspection', 'SELF_INSPECTION', 'WEEK', 1, '{ENTERPRISE}', 'DBENCHK', null, 0, '2025-07-01'),
                           ('Bench monthly return', 'WRITTEN_RETURN', 'MONTH', 1, '{ENTERPRISE}', 'DBENCHK', 30, 5, '2025-07-01'),
                           ('Bench quarterly special inspection', 'SPECIAL_INSPECTION', 'QUARTER', 1, '{ENTERPRISE}', 'DBENCHK', null, 0, '2025-07-01'),
                           ('Bench half-yearly drill', 'DRILL', 'HALF_YEAR', 1, '{ENTERPRISE}', 'DBENCHK', null, 0, '2025-07-01')""");
            // One event per unit, rule and period from 2025-07-01 to the as-of date, about 80% of them.
            sql.execute("select setseed(0.18)");
            sql.execute("""
                    insert into duty_event (rule_id, unit_id, period, happened_on, late, recorded_by)
                    select r.id, u.id, duty_period_key(r.frequency, cast(p.start as date)), cast(p.start as date) + 1, false, 'bench'
                    from duty_rule r
                    cross join lateral generate_series(cast('2025-07-01' as timestamp), cast('%s' as timestamp), duty_period_step(r.frequency)) p(start)
                    join unit u on u.region_code = 'DBENCHK'
                    where r.region_code = 'DBENCHK' and cast(p.start as date) + 1 < date '%s' and random() < 0.8""".formatted(AS_OF, AS_OF));
            sql.execute("analyze");
            sql.execute("reset statement_timeout");
            System.out.printf("BENCH inserted %,d enterprises, 4 rules, %,d events in %.1f s%n", units,
                    count(sql, "select count(*) from duty_event where recorded_by = 'bench'"), seconds(started));
        }
        time("first run (raises)", AS_OF);
        time("second run, same day (raises nothing)", AS_OF);
        time("run a month later", "2026-08-10");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            System.out.printf("BENCH open alerts: %,d MISSED_INSPECTION, %,d RETURN_MISSING, %,d MISSED_DRILL, %,d PLAN_NOT_FILED%n",
                    count(sql, "select count(*) from alert where kind = 'MISSED_INSPECTION' and status <> 'RESOLVED'"),
                    count(sql, "select count(*) from alert where kind = 'RETURN_MISSING' and status <> 'RESOLVED'"),
                    count(sql, "select count(*) from alert where kind = 'MISSED_DRILL' and status <> 'RESOLVED'"),
                    count(sql, "select count(*) from alert where kind = 'PLAN_NOT_FILED' and status <> 'RESOLVED'"));
            String unit = String.valueOf(count(sql, "select min(id) from unit where region_code = 'DBENCHK'"));
            String rule = String.valueOf(count(sql, "select min(id) from duty_rule where region_code = 'DBENCHK'"));
            // 50 rules binding the unit: 46 more monthly returns.
            sql.execute("""
                    insert into duty_rule (title, kind, frequency, minimum, unit_kinds, region_code, grace_days, effective_from)
                    select 'Bench extra return ' || g, 'WRITTEN_RETURN', 'MONTH', 1, '{ENTERPRISE}', 'DBENCHK', 0, '2025-07-01'
                    from generate_series(1, 46) g""");
            java.util.List<String> rules = new java.util.ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select id from duty_rule where region_code = 'DBENCHK' order by id")) {
                while (rows.next()) {
                    rules.add(rows.getString(1));
                }
            }
            // A request takes at most 20 root fields (QueryBudget): 50 rules are 3 requests (20, 20, 10).
            System.out.printf("BENCH dutyCompliance statements: 1 rule %d, 20 rules in one request %d, 50 rules in 3 requests %d%n",
                    statements(rules.subList(0, 1), unit), statements(rules.subList(0, 20), unit),
                    statements(rules.subList(0, 20), unit) + statements(rules.subList(20, 40), unit)
                            + statements(rules.subList(40, 50), unit));
            System.out.printf("BENCH (first rule %s, unit %s)%n", rule, unit);
        }
    }

    private long statements(java.util.List<String> rules, String unit) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < rules.size(); i++) {
            query.append(" r").append(i).append(": dutyCompliance(ruleId: \"").append(rules.get(i)).append("\", unitId: \"")
                    .append(unit).append("\", year: 2026) { period required done compliant }");
        }
        String q = query.append(" }").toString();
        return SqlStatements.cost(sessionFactory, () -> ok(Tokens.admin(), q));
    }

    private static void time(String label, String asOf) {
        long started = System.nanoTime();
        JsonPath run = ok(Tokens.admin(), "mutation($d: Date!) { runChecks(asOf: $d) { alertsRaised alertsResolved } }", vars("d", asOf));
        System.out.printf("BENCH runChecks as of %s, %s: %.2f s, %,d alerts raised, %,d resolved%n", asOf, label, seconds(started),
                run.getInt("data.runChecks.alertsRaised"), run.getInt("data.runChecks.alertsResolved"));
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
