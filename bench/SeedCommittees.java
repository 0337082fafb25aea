import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Benchmark data for the MISSED_MEETING check, written straight into the database with set-based
 * SQL: N committees (40% monthly, 40% quarterly, 10% half-yearly, 10% yearly) spread over the
 * existing units, established between 2020 and 2022, with a PLENARY meeting in about 90% of their
 * required periods up to today (the rest are short and will be flagged).
 * Usage: java -cp postgresql.jar SeedCommittees.java JDBC_URL USER PASSWORD COUNT
 */
public class SeedCommittees {

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[3]);
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2]); Statement sql = db.createStatement()) {
            long started = System.nanoTime();
            sql.executeUpdate("""
                    insert into committee (name, unit_id, established_on, frequency, minimum_meetings, grace_days)
                    select 'Bench committee ' || g, u.ids[1 + g % array_length(u.ids, 1)], date '2020-01-01' + cast((g * 7) % 1000 as int),
                           case when g % 10 < 4 then 'MONTHLY' when g % 10 < 8 then 'QUARTERLY'
                                when g % 10 = 8 then 'SEMIANNUAL' else 'ANNUAL' end,
                           1, (g % 3) * 5
                    from generate_series(1, :count) g, (select array_agg(id order by id) as ids from unit) u
                    """.replace(":count", String.valueOf(count)));
            sql.executeUpdate("""
                    insert into meeting (committee_id, held_on, kind, chair, summary)
                    select c.id, d.day, 'PLENARY', 'Bench', 'Benchmark meeting'
                    from committee c
                    cross join lateral (select make_interval(months => meeting_period_months(c.frequency)) as step,
                                               meeting_period_start(c.frequency, c.established_on) as containing) f
                    cross join lateral generate_series(
                            cast(case when f.containing = c.established_on then f.containing
                                      else cast(f.containing + f.step as date) end as timestamp),
                            cast(current_date as timestamp), f.step) as p(start)
                    cross join lateral (select cast(p.start as date) + cast(c.id % 20 as int) as day) d
                    where c.name like 'Bench committee %' and d.day <= current_date
                      and hashtext(c.id || '/' || p.start) % 10 <> 0
                    """);
            sql.execute("analyze committee; analyze meeting; analyze alert");
            System.out.printf("seeded in %.1f s: %d committees, %d meetings%n", (System.nanoTime() - started) / 1e9,
                    single(sql, "select count(*) from committee"), single(sql, "select count(*) from meeting"));
        }
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
