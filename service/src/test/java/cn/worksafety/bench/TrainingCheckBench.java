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
 * Not a test (surefire's default includes skip *Bench): run by bench/training-check.sh. Inserts
 * {@code bench.people} people (default 100,000) with roles, five training rules and their records
 * straight into the embedded test database with SQL, then times the checks (runChecks over HTTP,
 * which runs the training check in the shared runner) and prints figures prefixed "BENCH".
 * Prints, never asserts on time.
 */
@QuarkusTest
class TrainingCheckBench {

    private static final String AS_OF = "2026-06-30";

    @Inject
    DataSource dataSource;

    @Test
    void timeTheTrainingCheck() throws Exception {
        int people = Integer.getInteger("bench.people", 100_000);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("insert into region (code, name, level, parent_code, path) values "
                    + "('BENCH', 'Bench city', 'CITY', null, '/BENCH/'), ('BENCHK', 'Bench county', 'COUNTY', 'BENCH', '/BENCH/BENCHK/')");
            sql.execute("insert into unit (code, name, kind, region_code) "
                    + "select 'BENCH-' || g, 'Bench unit ' || g, 'ENTERPRISE', 'BENCHK' from generate_series(1, 200) g");
            // Roles: 40% enforcement officers, 20% principal persons, 20% safety managers (half of them
            // also principal persons), 20% special operators.
            try (PreparedStatement insert = connection.prepareStatement("""
                    with u as (select id, row_number() over (order by id) - 1 as k from unit where code like 'BENCH-%')
                    insert into person (name, unit_id, roles)
                    select 'Bench person ' || g, u.id,
                           cast(case when g % 10 < 4 then array['ENFORCEMENT_OFFICER']
                                     when g % 10 < 6 then array['PRINCIPAL_PERSON']
                                     when g % 10 = 6 then array['SAFETY_MANAGER']
                                     when g % 10 = 7 then array['SAFETY_MANAGER', 'PRINCIPAL_PERSON']
                                     else array['SPECIAL_OPERATOR'] end as varchar(20)[])
                    from generate_series(1, ?) g join u on u.k = g % 200""")) {
                insert.setInt(1, people);
                insert.executeUpdate();
            }
            sql.execute("""
                    insert into training_rule (region_code, role, kind, minimum_hours, validity_months, description) values
                      ('BENCHK', 'ENFORCEMENT_OFFICER', 'INDUCTION', 520, null, 'induction >= 3 months'),
                      ('BENCHK', 'ENFORCEMENT_OFFICER', 'REFRESHER', 80, 12, 'refresher >= 2 weeks a year'),
                      ('BENCHK', 'PRINCIPAL_PERSON', 'ASSESSMENT', null, 12, 'assessed every year'),
                      ('BENCHK', 'SAFETY_MANAGER', 'ASSESSMENT', null, 12, 'assessed every year'),
                      ('BENCHK', 'SPECIAL_OPERATOR', 'CERTIFICATE', null, 72, 'certificate')""");
            // 0 to 3 records per person and kind their roles need, over the three years before the
            // as-of date; 5% failed, hours around the minimum, certificates with their own expiry.
            sql.execute("select setseed(0.42)");
            sql.execute("""
                    insert into training_record (person_id, kind, completed_on, hours, passed, certificate_number, valid_until)
                    select p.id, k.kind, d.completed_on,
                           case k.kind when 'INDUCTION' then 480 + floor(random() * 80) when 'REFRESHER' then 60 + floor(random() * 40) end,
                           random() > 0.05,
                           case when k.kind = 'CERTIFICATE' then 'T' || lpad(p.id::text, 18, '0') end,
                           case when k.kind = 'CERTIFICATE' then d.completed_on + 365 * 3 end
                    from person p
                    join unit u on u.id = p.unit_id and u.code like 'BENCH-%'
                    cross join lateral (select v.kind from (values ('ENFORCEMENT_OFFICER', 'INDUCTION'), ('ENFORCEMENT_OFFICER', 'REFRESHER'),
                                                                   ('PRINCIPAL_PERSON', 'ASSESSMENT'), ('SAFETY_MANAGER', 'ASSESSMENT'),
                                                                   ('SPECIAL_OPERATOR', 'CERTIFICATE')) v(role, kind)
                                        where v.role = any (p.roles)) k
                    cross join lateral generate_series(1, cast(p.id % 4 as int)) n
                    -- n keeps the subquery correlated, so every row draws its own date
                    cross join lateral (select date '""" + AS_OF + "' - cast(floor(random() * 1100) + 0 * n as int) as completed_on) d");
            sql.execute("analyze");
            System.out.printf("BENCH inserted %,d people, %,d training records, %,d (person, rule) pairs in %.1f s%n",
                    count(sql, "select count(*) from person p join unit u on u.id = p.unit_id where u.code like 'BENCH-%'"),
                    count(sql, "select count(*) from training_record"),
                    count(sql, "select count(*) from person p join training_rule t on t.role = any (p.roles) where t.region_code = 'BENCHK'"),
                    seconds(started));
        }

        time("first run (raises)", AS_OF);
        time("second run, same day (raises nothing)", AS_OF);
        time("run a month later", "2026-07-30");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            System.out.printf("BENCH open training alerts: %,d; all training alerts: %,d%n",
                    count(sql, "select count(*) from alert where training_rule_id is not null and status <> 'RESOLVED'"),
                    count(sql, "select count(*) from alert where training_rule_id is not null"));
            long unitId = count(sql, "select id from unit where code = 'BENCH-7'");
            String gapsQuery = "query($u: ID!) { trainingGaps(unitId: $u, asOf: \"" + AS_OF + "\", first: 100) "
                    + "{ totalCount edges { node { person { name } rule { kind } state expiresOn } } } }";
            ok(Tokens.admin(), gapsQuery, vars("u", String.valueOf(unitId))); // warm-up
            long gapsStarted = System.nanoTime();
            JsonPath gaps = ok(Tokens.admin(), gapsQuery, vars("u", String.valueOf(unitId)));
            System.out.printf("BENCH trainingGaps of one unit (%d people): %d gaps, first 100 over HTTP in %.0f ms (after a warm-up call)%n", people / 200,
                    gaps.getInt("data.trainingGaps.totalCount"), (System.nanoTime() - gapsStarted) / 1e6);
        }
    }

    private static void time(String label, String asOf) {
        long started = System.nanoTime();
        JsonPath run = ok(Tokens.admin(), "mutation($d: Date!) { runChecks(asOf: $d) { alertsRaised expiredTraining } }", vars("d", asOf));
        System.out.printf("BENCH runChecks as of %s, %s: %.2f s, %,d alerts raised, %,d expired pairs%n", asOf, label,
                seconds(started), run.getInt("data.runChecks.alertsRaised"), run.getInt("data.runChecks.expiredTraining"));
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
