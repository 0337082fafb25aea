package cn.worksafety.duty;

import static cn.worksafety.duty.DutyTest.alerts;
import static cn.worksafety.duty.DutyTest.editor;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.hazard.HazardWorld;
import cn.worksafety.support.Database;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Inspections over HTTP: the hazards they find go to the register in the same transaction; they count toward duty rules. */
@QuarkusTest
class InspectionTest {

    static final String RECORD = "mutation($i: InspectionInput!) { recordInspection(input: $i) { id kind heldOn experts summary "
            + "unit { id } enterprises { id } joinedBy { id } hazards { id grade unit { id } } } }";
    static final String PAGE = "query($u: ID, $a: String) { inspections(unitId: $u, first: 2, after: $a) { totalCount "
            + "pageInfo { hasNextPage endCursor } edges { cursor node { id heldOn } } } }";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    static Map<String, Object> inspection(HazardWorld world, String kind, String heldOn, List<Map<String, Object>> hazards) {
        Map<String, Object> input = new HashMap<>();
        input.put("unitId", world.department().id());
        input.put("kind", kind);
        input.put("heldOn", heldOn);
        input.put("enterpriseIds", List.of(world.enterprise().id()));
        input.put("joinedByIds", List.of(world.park().id()));
        input.put("experts", List.of("Expert Zhang"));
        input.put("hazards", hazards);
        input.put("summary", "Special inspection of hazardous chemicals");
        return input;
    }

    static int total(HazardWorld world) {
        return ok(Tokens.admin(), PAGE, vars("u", world.department().id(), "a", null)).getInt("data.inspections.totalCount");
    }

    static int hazardCount(HazardWorld world) {
        return ok(Tokens.admin(), "query($u: ID) { hazards(unitId: $u) { totalCount } }", vars("u", world.enterprise().id()))
                .getInt("data.hazards.totalCount");
    }

    @Test
    void anInspectionReportsItsHazardsAndFillsTheMonthOfItsRule() {
        HazardWorld world = HazardWorld.create();
        Map<String, Object> rule = DutyTest.rule("SPECIAL_INSPECTION", "MONTH", 1, "2026-01-01");
        rule.put("unitIds", List.of(world.department().id()));
        String ruleId = (String) DutyTest.create(Tokens.admin(), rule).get("id");
        DutyTest.run("2026-03-05");
        assertEquals(Map.of("2026-01", "OPEN", "2026-02", "OPEN"), alerts(world.department(), "MISSED_INSPECTION", ruleId));

        JsonPath answer = ok(editor(world.department()), RECORD,
                vars("i", inspection(world, "SPECIAL", "2026-02-10", List.of(world.input("GENERAL", "2026-02-10", null)))));
        Map<String, Object> recorded = answer.getMap("data.recordInspection");
        assertEquals(List.of(Map.of("id", world.enterprise().id())), recorded.get("enterprises"));
        assertEquals(List.of(Map.of("id", world.park().id())), recorded.get("joinedBy"));
        assertEquals(List.of("Expert Zhang"), recorded.get("experts"));
        assertEquals(1, answer.getList("data.recordInspection.hazards").size());
        assertEquals(world.enterprise().id(), answer.getString("data.recordInspection.hazards[0].unit.id"));
        assertNotNull(HazardWorld.hazard(answer.getString("data.recordInspection.hazards[0].id")).getString("data.hazard.id"));

        assertEquals(Map.of("2026-01", "OPEN", "2026-02", "RESOLVED"), alerts(world.department(), "MISSED_INSPECTION", ruleId),
                "the inspection fills February at once");
        assertEquals(Map.of("period", "2026-02", "required", 1, "done", 1, "compliant", true),
                DutyTest.compliance(ruleId, world.department(), 2026).get(1));
        // A COMPREHENSIVE inspection does not count toward a SPECIAL_INSPECTION rule.
        ok(editor(world.department()), RECORD, vars("i", inspection(world, "COMPREHENSIVE", "2026-01-20", null)));
        assertEquals("OPEN", alerts(world.department(), "MISSED_INSPECTION", ruleId).get("2026-01"));
    }

    @Test
    void oneRefusedHazardRefusesTheWholeInspection() {
        HazardWorld world = HazardWorld.create();
        int inspections = total(world);
        int hazards = hazardCount(world);
        Map<String, Object> significantWithoutTimeLimit = world.input("SIGNIFICANT", "2026-02-10", null);
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), RECORD, vars("i", inspection(world, "SPECIAL", "2026-02-10",
                List.of(world.input("GENERAL", "2026-02-10", null), significantWithoutTimeLimit)))));
        Map<String, Object> elsewhere = world.input("GENERAL", "2026-02-10", null);
        elsewhere.put("unitId", world.bureau().id());
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), RECORD,
                vars("i", inspection(world, "SPECIAL", "2026-02-10", List.of(elsewhere)))), "a hazard of a unit not inspected");
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), RECORD, vars("i", inspection(world, "SPECIAL", "2099-02-10", null))),
                "held in the future");
        assertEquals("FORBIDDEN", errorCode(editor(world.park()), RECORD, vars("i", inspection(world, "SPECIAL", "2026-02-10", null))),
                "another unit's editor");
        assertEquals(inspections, total(world), "nothing written");
        assertEquals(hazards, hazardCount(world), "no hazard left behind");
    }

    @Test
    void aRefusedLastHazardIsRefusedBeforeAnythingIsWritten() throws Exception {
        HazardWorld world = HazardWorld.create();
        Map<String, Long> before = rows();
        long lastAudit = lastAudit();
        Map<String, Object> elsewhere = world.input("GENERAL", "2026-02-10", null);
        elsewhere.put("unitId", world.bureau().id());
        JsonPath notInspected = refusedWithLast(world, elsewhere);
        assertEquals("BAD_USER_INPUT", notInspected.getString("errors[0].extensions.code"));
        assertEquals("'hazards[2].unitId' must be one of the inspected enterprises (or the inspecting unit).",
                notInspected.getString("errors[0].message"));
        JsonPath noDueOn = refusedWithLast(world, world.input("SIGNIFICANT", "2026-02-10", null));
        assertEquals("BAD_USER_INPUT", noDueOn.getString("errors[0].extensions.code"));
        assertEquals("A SIGNIFICANT hazard needs a 'dueOn': it is fixed by a set time limit (限时整改).", noDueOn.getString("errors[0].message"),
                "the register's own message, as reportHazard gives it");
        assertEquals(before, rows(), "no inspection, hazard, link or audit entry left behind");
        assertEquals(List.of(), operationsAfter(lastAudit));

        // The same request with a valid last hazard writes the three hazards, then the inspection, each audited.
        ok(editor(world.department()), RECORD, vars("i", inspection(world, "SPECIAL", "2026-02-10", List.of(
                world.input("GENERAL", "2026-02-10", null), world.input("GENERAL", "2026-02-10", null),
                world.input("SIGNIFICANT", "2026-02-10", "2026-03-10")))));
        assertEquals(List.of("reportHazard", "reportHazard", "reportHazard", "recordInspection"), operationsAfter(lastAudit));
    }

    /** Records an inspection with two valid hazards and then {@code last}; returns the refusal. */
    private static JsonPath refusedWithLast(HazardWorld world, Map<String, Object> last) {
        JsonPath answer = GraphQL.post(editor(world.department()), RECORD, vars("i", inspection(world, "SPECIAL", "2026-02-10",
                List.of(world.input("GENERAL", "2026-02-10", null), world.input("GENERAL", "2026-02-10", null), last)))).extract().jsonPath();
        assertNull(answer.get("data.recordInspection"));
        return answer;
    }

    /** Row counts of every table recordInspection writes to. */
    private Map<String, Long> rows() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("inspection", "hazard", "inspection_hazard", "audit_entry")) {
            counts.put(table, Database.number(dataSource, "select count(*) from " + table));
        }
        return counts;
    }

    private long lastAudit() {
        return Database.number(dataSource, "select coalesce(max(id), 0) from audit_entry");
    }

    /** The operations of the audit entries written since {@code lastAudit}, in order. */
    private List<String> operationsAfter(long lastAudit) throws Exception {
        List<String> operations = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select operation from audit_entry where id > ? order by id")) {
            s.setLong(1, lastAudit);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                operations.add(rs.getString(1));
            }
        }
        return operations;
    }

    @Test
    void inspectionsComeInKeysetPages() {
        HazardWorld world = HazardWorld.create();
        for (String on : List.of("2026-01-05", "2026-01-06", "2026-01-07")) {
            ok(editor(world.department()), RECORD, vars("i", inspection(world, "SELF", on, null)));
        }
        JsonPath first = ok(Tokens.admin(), PAGE, vars("u", world.department().id(), "a", null));
        assertEquals(3, first.getInt("data.inspections.totalCount"));
        assertEquals(List.of("2026-01-05", "2026-01-06"), first.getList("data.inspections.edges.node.heldOn"));
        assertEquals(true, first.getBoolean("data.inspections.pageInfo.hasNextPage"));
        JsonPath second = ok(Tokens.admin(), PAGE, vars("u", world.department().id(), "a", first.getString("data.inspections.pageInfo.endCursor")));
        assertEquals(List.of("2026-01-07"), second.getList("data.inspections.edges.node.heldOn"));
        assertEquals(false, second.getBoolean("data.inspections.pageInfo.hasNextPage"));
        // A viewer of another county sees none of them.
        String stranger = Tokens.token(Fixtures.unit(Fixtures.county(), "OTHER").code(), "viewer");
        assertEquals(0, ok(stranger, PAGE, vars("u", world.department().id(), "a", null)).getInt("data.inspections.totalCount"));
    }

    @Test
    void nestedFieldsOfInspectionsCostTheSameFor5And50() throws Exception {
        String few = Fixtures.county();
        String many = Fixtures.county();
        insert(few, 5);
        insert(many, 50);
        assertEquals(statements(few, 5), statements(many, 50));
    }

    private static final String NESTED = "query($u: ID) { inspections(unitId: $u, first: 100) { totalCount edges { node { id "
            + "unit { code } enterprises { code } joinedBy { code } hazards { id } } } } }";

    private long statements(String county, int expected) throws Exception {
        String unitId;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id from unit where region_code = ? and kind = 'DEPARTMENT'")) {
            s.setString(1, county);
            var rs = s.executeQuery();
            rs.next();
            unitId = rs.getString(1);
        }
        long used = SqlStatements.cost(sessionFactory, () -> ok(Tokens.admin(), NESTED, vars("u", unitId)));
        JsonPath json = ok(Tokens.admin(), NESTED, vars("u", unitId));
        assertEquals(expected, json.getInt("data.inspections.totalCount"));
        assertEquals(expected, new HashSet<>(json.getList("data.inspections.edges.node.enterprises.flatten().code")).size());
        assertEquals(expected, new HashSet<>(json.getList("data.inspections.edges.node.joinedBy.flatten().code")).size());
        return used;
    }

    /** One inspecting department; each inspection has an enterprise and a joining unit of its own. */
    private void insert(String county, int count) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                with d as (insert into unit (code, name, kind, region_code) values (? || '-D', 'Department', 'DEPARTMENT', ?) returning id),
                g as (select n from generate_series(1, ?) n),
                e as (insert into unit (code, name, kind, region_code) select ? || '-E' || n, 'Enterprise', 'ENTERPRISE', ? from g returning id, code),
                j as (insert into unit (code, name, kind, region_code) select ? || '-J' || n, 'Joined', 'OTHER', ? from g returning id, code)
                insert into inspection (unit_id, kind, held_on, enterprise_ids, joined_by_ids)
                select d.id, 'SPECIAL', date '2026-01-01' + n, array[e.id], array[j.id]
                from d, g join e on e.code like '%-E' || g.n join j on j.code like '%-J' || g.n""")) {
            String prefix = Fixtures.unique("IB");
            s.setString(1, prefix);
            s.setString(2, county);
            s.setInt(3, count);
            s.setString(4, prefix);
            s.setString(5, county);
            s.setString(6, prefix);
            s.setString(7, county);
            s.executeUpdate();
        }
    }
}
