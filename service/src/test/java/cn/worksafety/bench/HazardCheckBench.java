package cn.worksafety.bench;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Not a test (surefire's default includes skip *Bench): run by bench/hazard-check.sh. Inserts
 * {@code bench.hazards} hazards (default 100,000) over 500 enterprises of one county, straight into
 * the embedded test database with SQL: found over the year before the as-of date, a third of them
 * still OPEN, the rest rectified or verified; MAJOR ones with a plan; some extended, some
 * interviewed. Then times the checks (runChecks over HTTP, all checks of the runner) and prints
 * figures prefixed "BENCH". Prints, never asserts on time.
 */
@QuarkusTest
class HazardCheckBench {

    private static final String AS_OF = "2026-06-30";

    @Inject
    DataSource dataSource;

    @Test
    void timeTheHazardChecks() throws Exception {
        int hazards = Integer.getInteger("bench.hazards", 100_000);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("insert into region (code, name, level, parent_code, path) values "
                    + "('HBENCH', 'Bench city', 'CITY', null, '/HBENCH/'), ('HBENCHK', 'Bench county', 'COUNTY', 'HBENCH', '/HBENCH/HBENCHK/')");
            sql.execute("insert into unit (code, name, kind, region_code) "
                    + "select 'HBENCH-E' || g, 'Bench enterprise ' || g, 'ENTERPRISE', 'HBENCHK' from generate_series(1, 500) g");
            sql.execute("insert into unit (code, name, kind, region_code) "
                    + "select 'HBENCH-D' || g, 'Bench department ' || g, 'DEPARTMENT', 'HBENCHK' from generate_series(1, 10) g");
            sql.execute("insert into unit (code, name, kind, region_code) values ('HBENCH-OFFICE', 'Bench office', 'OTHER', 'HBENCHK')");
            sql.execute("insert into unit_designation (region_code, role, unit_id) "
                    + "select 'HBENCHK', 'COMMITTEE_OFFICE', id from unit where code = 'HBENCH-OFFICE'");
            sql.execute("select setseed(0.17)");
            try (PreparedStatement insert = connection.prepareStatement("""
                    with e as (select id, row_number() over (order by id) - 1 as k from unit where code like 'HBENCH-E%'),
                         d as (select id, row_number() over (order by id) - 1 as k from unit where code like 'HBENCH-D%'),
                         raw as (
                             select g, case when g % 10 < 6 then 'GENERAL' when g % 10 < 9 then 'SIGNIFICANT' else 'MAJOR' end as grade,
                                    cast(:asOf as date) - cast(floor(random() * 365) + 0 * g as int) as found_on, random() as r
                             from generate_series(1, ?) g),
                         h as (
                             select raw.*, case grade when 'GENERAL' then found_on when 'SIGNIFICANT' then found_on + 30 else found_on + 15 end as due_on
                             from raw)
                    insert into hazard (unit_id, region_code, supervising_unit_id, grade, status, source, description, found_on, due_on,
                                        listed_supervision, plan_responsibility, plan_measures, plan_funds, plan_time_limit, plan_contingency,
                                        rectified_on, evidence, verified_on)
                    select e.id, 'HBENCHK', d.id, h.grade,
                           case when h.r < 0.34 then 'OPEN' when h.r < 0.67 then 'RECTIFIED' else 'VERIFIED' end,
                           'INSPECTION', 'Bench hazard ' || h.g, h.found_on, h.due_on, h.grade = 'MAJOR',
                           case when h.grade = 'MAJOR' then 'manager' end, case when h.grade = 'MAJOR' then 'measures' end,
                           case when h.grade = 'MAJOR' then 'funds' end, case when h.grade = 'MAJOR' then h.due_on end,
                           case when h.grade = 'MAJOR' then 'plan' end,
                           case when h.r >= 0.34 then h.found_on + 1 end, case when h.r >= 0.34 then 'fixed' end,
                           case when h.r >= 0.67 then h.found_on + 2 end
                    from h join e on e.k = h.g % 500 join d on d.k = h.g % 10""".replace(":asOf", "'" + AS_OF + "'"))) {
                insert.setInt(1, hazards);
                insert.executeUpdate();
            }
            // Interviews for a third of the open hazards, after their due date.
            sql.execute("""
                    insert into hazard_interview (hazard_id, held_on, held_by, interviewee)
                    select id, due_on + 2, 'leader', 'legal representative' from hazard
                    where region_code = 'HBENCHK' and status = 'OPEN' and id % 3 = 0""");
            sql.execute("analyze");
            System.out.printf("BENCH inserted %,d hazards (%,d OPEN), %,d interviews in %.1f s%n",
                    count(sql, "select count(*) from hazard where region_code = 'HBENCHK'"),
                    count(sql, "select count(*) from hazard where region_code = 'HBENCHK' and status = 'OPEN'"),
                    count(sql, "select count(*) from hazard_interview"), seconds(started));
        }

        time("first run (raises)", AS_OF);
        time("second run, same day (raises nothing)", AS_OF);
        time("run a month later", "2026-07-30");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            System.out.printf("BENCH open hazard alerts: %,d HAZARD_OVERDUE, %,d INTERVIEW_OVERDUE%n",
                    count(sql, "select count(*) from alert where kind = 'HAZARD_OVERDUE' and status <> 'RESOLVED'"),
                    count(sql, "select count(*) from alert where kind = 'INTERVIEW_OVERDUE' and status <> 'RESOLVED'"));
        }
        String ledger = "{ hazardLedger(regionCode: \"HBENCHK\", period: \"2026-Q2\") { rows { grade found rectified verified overdue rectificationRate } } }";
        ok(Tokens.admin(), ledger); // warm-up
        long ledgerStarted = System.nanoTime();
        JsonPath rows = ok(Tokens.admin(), ledger);
        System.out.printf("BENCH hazardLedger 2026-Q2 over the county: %.0f ms (after a warm-up call): %s%n",
                (System.nanoTime() - ledgerStarted) / 1e6, rows.getList("data.hazardLedger.rows"));
        String page = "{ hazards(regionCode: \"HBENCHK\", overdue: true, first: 100) { totalCount edges { node { id unit { code } "
                + "supervisingUnit { code } riskPoint { name } extensions { status } interviews { heldOn } } } } }";
        ok(Tokens.admin(), page);
        long pageStarted = System.nanoTime();
        JsonPath overdue = ok(Tokens.admin(), page);
        System.out.printf("BENCH hazards(overdue: true, first: 100) with nested fields: %.0f ms, totalCount %,d%n",
                (System.nanoTime() - pageStarted) / 1e6, overdue.getInt("data.hazards.totalCount"));
    }

    private static void time(String label, String asOf) {
        long started = System.nanoTime();
        JsonPath run = ok(Tokens.admin(), "mutation($d: Date!) { runChecks(asOf: $d) { alertsRaised } }", vars("d", asOf));
        System.out.printf("BENCH runChecks as of %s, %s: %.2f s, %,d alerts raised%n", asOf, label, seconds(started),
                run.getInt("data.runChecks.alertsRaised"));
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
