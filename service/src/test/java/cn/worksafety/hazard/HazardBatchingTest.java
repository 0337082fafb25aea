package cn.worksafety.hazard;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The nested fields of hazards cost a fixed number of statements, for 5 hazards as for 50. */
@QuarkusTest
class HazardBatchingTest {

    private static final String QUERY = "query($r: ID) { hazards(regionCode: $r, first: 100) { totalCount edges { node { id overdue "
            + "unit { code } supervisingUnit { code } riskPoint { name level unit { code } } "
            + "extensions { status requestedDueOn } interviews { heldBy interviewee } } } } }";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    @Test
    void statementCountOfNestedHazardFieldsDoesNotGrowWithTheNumberOfHazards() throws Exception {
        String few = Fixtures.county();
        String many = Fixtures.county();
        insertHazards(few, 5);
        insertHazards(many, 50);
        long five = statements(few, 5);
        long fifty = statements(many, 50);
        assertEquals(five, fifty, "statements for 5 hazards (" + five + ") vs 50 (" + fifty + ")");
    }

    /**
     * Each hazard gets units of its own (enterprise, supervising department) and its own risk point,
     * extension and interview: shared rows would come from Hibernate's session cache after the first
     * parent, and an N+1 would not show.
     */
    private void insertHazards(String county, int count) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        with g as (select n from generate_series(1, ?) n),
                        e as (insert into unit (code, name, kind, region_code)
                              select ? || '-E' || n, 'Enterprise ' || n, 'ENTERPRISE', ? from g returning id, code),
                        d as (insert into unit (code, name, kind, region_code)
                              select ? || '-D' || n, 'Department ' || n, 'DEPARTMENT', ? from g returning id, code),
                        p as (insert into risk_point (unit_id, name, level, monitored)
                              select e.id, 'Point of ' || e.code, 'RED', true from e returning id, unit_id),
                        h as (insert into hazard (unit_id, region_code, supervising_unit_id, grade, source, description, found_on, due_on,
                                                  listed_supervision, risk_point_id)
                              select e.id, ?, d.id, 'MAJOR', 'INSPECTION', 'Batch hazard', date '2026-01-01', date '2026-01-16', true, p.id
                              from e join d on substring(d.code from '-D(\\d+)$') = substring(e.code from '-E(\\d+)$')
                              join p on p.unit_id = e.id
                              returning id),
                        x as (insert into hazard_extension (hazard_id, previous_due_on, requested_due_on, reason)
                              select id, date '2026-01-16', date '2026-02-16', 'Parts' from h)
                        insert into hazard_interview (hazard_id, held_on, held_by, interviewee)
                        select id, date '2026-01-20', '区分管领导', '法定代表人' from h""")) {
            String prefix = Fixtures.unique("HB");
            insert.setInt(1, count);
            insert.setString(2, prefix);
            insert.setString(3, county);
            insert.setString(4, prefix);
            insert.setString(5, county);
            insert.setString(6, county);
            insert.executeUpdate();
        }
    }

    private long statements(String county, int expected) {
        long used = SqlStatements.cost(sessionFactory, () -> ok(Tokens.admin(), QUERY, vars("r", county)));
        JsonPath json = ok(Tokens.admin(), QUERY, vars("r", county));
        assertEquals(expected, json.getInt("data.hazards.totalCount"));
        assertEquals(expected, json.getList("data.hazards.edges.node.unit.code").stream().distinct().count());
        assertEquals(expected, json.getList("data.hazards.edges.node.supervisingUnit.code").stream().distinct().count());
        assertEquals(expected, json.getList("data.hazards.edges.node.riskPoint.name").stream().distinct().count());
        assertEquals(expected, json.getList("data.hazards.edges.node.extensions.flatten()").size());
        assertEquals(expected, json.getList("data.hazards.edges.node.interviews.flatten()").size());
        return used;
    }
}
