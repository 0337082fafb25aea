package cn.worksafety.planning;

import static cn.worksafety.planning.PlanningApi.CREATE;
import static cn.worksafety.planning.PlanningApi.RECORD;
import static cn.worksafety.planning.PlanningApi.create;
import static cn.worksafety.planning.PlanningApi.dashboard;
import static cn.worksafety.planning.PlanningApi.indicator;
import static cn.worksafety.planning.PlanningApi.observation;
import static cn.worksafety.planning.PlanningApi.plan;
import static cn.worksafety.planning.PlanningApi.record;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.post;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Plans over HTTP: creation and reading back, replacement of observations, validation, permissions, updates. */
@QuarkusTest
class PlanningTest {

    private static final String UPDATE = "mutation($id: ID!, $v: Int!, $i: PlanInput!) { updatePlan(id: $id, version: $v, input: $i) "
            + "{ id version title indicators { id sequence name target { comparator value } observations { period value } } } }";

    private final String admin = Tokens.admin();

    @Test
    void createdPlanIsReadBackWithItsIndicatorTable() {
        String county = Fixtures.county();
        Fixtures.Unit issuer = Fixtures.department(county);
        Fixtures.Unit responsible = Fixtures.department(county);
        List<String> ids = create(admin, issuer.id(), List.of(
                indicator(2, "DECREASE_BY_PERCENT", 10, "baselinePeriod", "2020", "category", "安全生产", "name", "生产安全事故死亡人数",
                        "unitOfMeasure", "人", "wording", "下降10%", "responsibleUnitId", responsible.id()),
                indicator(1, "LT", 0.01, "nature", "EXPECTED")));
        JsonPath plan = dashboard(Tokens.token(issuer.code(), "viewer"), ids.get(0));
        assertEquals("FIVE_YEAR", plan.getString("data.plan.kind"));
        assertEquals("2021-01-01", plan.getString("data.plan.periodStart"));
        assertEquals(issuer.code(), plan.getString("data.plan.issuer.code"));
        assertEquals(county, plan.getString("data.plan.region.code"));
        assertEquals(List.of(1, 2), plan.getList("data.plan.indicators.sequence"));
        assertEquals("EXPECTED", plan.getString("data.plan.indicators[0].nature"));
        assertEquals("YEAR", plan.getString("data.plan.indicators[0].periodKind"));
        assertEquals("生产安全事故死亡人数", plan.getString("data.plan.indicators[1].name"));
        assertEquals("安全生产", plan.getString("data.plan.indicators[1].category"));
        assertEquals("人", plan.getString("data.plan.indicators[1].unitOfMeasure"));
        assertEquals("DECREASE_BY_PERCENT", plan.getString("data.plan.indicators[1].target.comparator"));
        assertEquals(10.0, plan.getDouble("data.plan.indicators[1].target.value"));
        assertEquals("2020", plan.getString("data.plan.indicators[1].target.baselinePeriod"));
        assertEquals("下降10%", plan.getString("data.plan.indicators[1].target.wording"));
        assertEquals(responsible.code(), plan.getString("data.plan.indicators[1].responsibleUnit.code"));
        assertEquals(List.of("NO_DATA", "NO_DATA"), plan.getList("data.plan.indicators.status"));
        assertNull(plan.get("data.plan.indicators[0].latest"));
        assertEquals(List.of(), plan.getList("data.plan.indicators[0].observations"));
    }

    @Test
    void recordingAPeriodAgainReplacesTheValueAndTheAuditTrailKeepsTheOldOne() {
        String county = Fixtures.county();
        Fixtures.Unit issuer = Fixtures.department(county);
        List<String> ids = create(admin, issuer.id(), List.of(indicator(1, "LE", 5)));
        String coordinator = Tokens.token(issuer.code(), "coordinator");
        String first = record(coordinator, ids.get(1), "2023", 4).getString("data.recordObservation.id");
        record(coordinator, ids.get(1), "2024", 7);
        JsonPath second = record(coordinator, ids.get(1), "2024", 5);
        assertEquals(5.0, second.getDouble("data.recordObservation.value"));
        assertEquals(issuer.code(), second.getString("data.recordObservation.reportedBy.code"));

        JsonPath plan = dashboard(admin, ids.get(0));
        assertEquals(List.of("2023", "2024"), plan.getList("data.plan.indicators[0].observations.period"));
        assertEquals(List.of(4.0f, 5.0f), plan.getList("data.plan.indicators[0].observations.value"));
        assertEquals("2024", plan.getString("data.plan.indicators[0].latest.period"));
        assertEquals(5.0, plan.getDouble("data.plan.indicators[0].latest.value"));
        assertEquals("MET", plan.getString("data.plan.indicators[0].status"));

        String replaced = second.getString("data.recordObservation.id");
        assertFalse(first.equals(replaced));
        JsonPath audit = ok(admin, "query($r: ID) { auditTrail(recordType: \"Observation\", recordId: $r) { edges { node { operation recordType before after } } } }",
                vars("r", replaced));
        List<Map<String, Object>> mine = audit.getList("data.auditTrail.edges.node");
        assertEquals(2, mine.size());
        assertEquals("recordObservation", mine.get(1).get("operation"));
        assertEquals(7.0, JsonPath.from((String) mine.get(1).get("before")).getDouble("value"));
        assertEquals(5.0, JsonPath.from((String) mine.get(1).get("after")).getDouble("value"));
        assertEquals("2024", JsonPath.from((String) mine.get(1).get("after")).getString("period"));
    }

    // ---------- validation ----------

    @Test
    void unknownPeriodKeyIsBadUserInputAndRecordsNothing() {
        List<String> ids = create(admin, Fixtures.department(Fixtures.county()).id(), List.of(indicator(1, "LT", 1)));
        for (String key : List.of("2024-Q5", "2024-13", "24", "2024-H3", "2024/03", "last year")) {
            JsonPath error = post(admin, RECORD, vars("i", observation(ids.get(1), key, 1))).extract().jsonPath();
            assertEquals("BAD_USER_INPUT", error.getString("errors[0].extensions.code"), key);
            assertTrue(error.getString("errors[0].message").contains("'period'"), error.getString("errors[0].message"));
        }
        assertEquals(List.of(), dashboard(admin, ids.get(0)).getList("data.plan.indicators[0].observations"));
    }

    @Test
    void periodOfAnotherKindThanTheIndicatorsOrNotYetStartedIsBadUserInput() {
        List<String> ids = create(admin, Fixtures.department(Fixtures.county()).id(), List.of(indicator(1, "LT", 1)));
        assertEquals("BAD_USER_INPUT", errorCode(admin, RECORD, vars("i", observation(ids.get(1), "2024-Q3", 1))));
        assertEquals("BAD_USER_INPUT", errorCode(admin, RECORD, vars("i", observation(ids.get(1), "2999", 1))));
    }

    @Test
    void percentageTargetWithoutBaselineIsBadUserInputAndCreatesNothing() {
        String county = Fixtures.county();
        String issuer = Fixtures.department(county).id();
        JsonPath error = post(admin, CREATE, vars("i", plan(issuer, List.of(indicator(1, "LT", 1),
                indicator(2, "DECREASE_BY_PERCENT", 10))))).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", error.getString("errors[0].extensions.code"));
        assertTrue(error.getString("errors[0].message").contains("baselinePeriod"), error.getString("errors[0].message"));
        assertEquals("BAD_USER_INPUT", errorCode(admin, CREATE, vars("i", plan(issuer, List.of(
                indicator(1, "INCREASE_BY_PERCENT", 10, "baselinePeriod", " "))))));
        assertTrue(plansIssuedBy(issuer).isEmpty(), "a rejected createPlan leaves no plan behind");
    }

    @Test
    void malformedTargetsAndPlansAreBadUserInput() {
        String issuer = Fixtures.department(Fixtures.county()).id();
        List<List<Map<String, Object>>> bad = List.of(
                List.of(indicator(1, "DECREASE_BY_PERCENT", 10, "baselinePeriod", "2020-Q5")),
                List.of(indicator(1, "DECREASE_BY_PERCENT", 10, "baselinePeriod", "2020-Q1")), // a quarter for a yearly indicator
                List.of(indicator(1, "DECREASE_BY_PERCENT", 10, "baselinePeriod", "2020..2016")),
                List.of(indicator(1, "DECREASE_BY_PERCENT", 120, "baselinePeriod", "2020")),
                List.of(indicator(1, "INCREASE_BY_PERCENT", 0, "baselinePeriod", "2020")),
                List.of(indicator(1, "LT", 1, "baselinePeriod", "2020")), // a baseline means nothing to LT
                List.of(indicator(1, "LT", 1, "averageYears", 0)),
                List.of(indicator(1, "LT", 1, "averageYears", 5, "periodKind", "MONTH")),
                List.of(indicator(1, "LT", 1), indicator(1, "GT", 2)), // duplicate sequence
                List.of(indicator(0, "LT", 1)),
                List.of(indicator(1, "LT", 1, "name", "  ")));
        for (List<Map<String, Object>> rows : bad) {
            assertEquals("BAD_USER_INPUT", errorCode(admin, CREATE, vars("i", plan(issuer, rows))), rows.toString());
        }
        Map<String, Object> backwards = plan(issuer, List.of());
        backwards.put("periodStart", "2025-12-31");
        backwards.put("periodEnd", "2021-01-01");
        assertEquals("BAD_USER_INPUT", errorCode(admin, CREATE, vars("i", backwards)));
        assertTrue(plansIssuedBy(issuer).isEmpty());
    }

    @Test
    void adminWithoutUnitMustNameAnIssuer() {
        assertEquals("BAD_USER_INPUT", errorCode(admin, CREATE, vars("i", plan(null, List.of()))));
    }

    // ---------- permissions ----------

    @Test
    void coordinatorsCreatePlansInTheirRegionOnly() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        Fixtures.Unit elsewhere = Fixtures.department(Fixtures.county());

        JsonPath own = ok(Tokens.token(office.code(), "coordinator"), CREATE, vars("i", plan(null, List.of(indicator(1, "LT", 1)))));
        String planId = own.getString("data.createPlan.id");
        assertEquals(county, dashboard(admin, planId).getString("data.plan.region.code"), "no issuer: the coordinator's region");

        assertEquals("BAD_USER_INPUT", errorCode(Tokens.token(office.code(), "coordinator"), CREATE,
                vars("i", plan(elsewhere.id(), List.of()))), "an issuer outside the region is not visible");
        assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), "viewer"), CREATE, vars("i", plan(office.id(), List.of()))));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), "unit-editor"), CREATE, vars("i", plan(office.id(), List.of()))));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), "exchange"), CREATE, vars("i", plan(office.id(), List.of()))));
        assertEquals("UNAUTHENTICATED", errorCode(null, CREATE, vars("i", plan(office.id(), List.of()))));

        assertEquals("NOT_FOUND", errorCode(Tokens.token(elsewhere.code(), "coordinator"), UPDATE,
                vars("id", planId, "v", 1, "i", plan(office.id(), List.of()))), "another region's plan is not visible");
        assertEquals("NOT_FOUND", errorCode(Tokens.token(elsewhere.code(), "viewer"), PlanningApi.DASHBOARD, vars("id", planId)));
        assertTrue(ok(Tokens.token(elsewhere.code(), "viewer"), "{ plans { id } }").getList("data.plans.id").stream()
                .noneMatch(planId::equals));
        assertTrue(ok(Tokens.token(office.code(), "viewer"), "{ plans { id } }").getList("data.plans.id").contains(planId));
    }

    @Test
    void theResponsibleUnitOrACoordinatorRecordsObservations() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        Fixtures.Unit responsible = Fixtures.department(county);
        Fixtures.Unit other = Fixtures.department(county);
        Fixtures.Unit elsewhere = Fixtures.department(Fixtures.county());
        List<String> ids = create(admin, office.id(), List.of(
                indicator(1, "LT", 1, "responsibleUnitId", responsible.id()), indicator(2, "LT", 1)));
        String withUnit = ids.get(1);
        String withoutUnit = ids.get(2);

        assertEquals(responsible.code(), record(Tokens.token(responsible.code(), "unit-editor"), withUnit, "2021", 0.5)
                .getString("data.recordObservation.reportedBy.code"));
        record(Tokens.token(office.code(), "coordinator"), withUnit, "2022", 0.4);
        record(Tokens.token(office.code(), "coordinator"), withoutUnit, "2022", 0.4);

        assertEquals("FORBIDDEN", errorCode(Tokens.token(other.code(), "unit-editor"), RECORD, vars("i", observation(withUnit, "2023", 1))));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(responsible.code(), "unit-editor"), RECORD,
                vars("i", observation(withoutUnit, "2023", 1))), "responsible for indicator 1 only");
        assertEquals("FORBIDDEN", errorCode(Tokens.token(responsible.code(), "viewer"), RECORD, vars("i", observation(withUnit, "2023", 1))));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(responsible.code(), "exchange"), RECORD, vars("i", observation(withUnit, "2023", 1))));
        assertEquals("NOT_FOUND", errorCode(Tokens.token(elsewhere.code(), "coordinator"), RECORD, vars("i", observation(withUnit, "2023", 1))));
        assertEquals("NOT_FOUND", errorCode(admin, RECORD, vars("i", observation("987654321", "2023", 1))));
        assertEquals("UNAUTHENTICATED", errorCode(null, RECORD, vars("i", observation(withUnit, "2023", 1))));
        assertEquals(List.of("2021", "2022"), dashboard(admin, ids.get(0)).getList("data.plan.indicators[0].observations.period"));
    }

    @Test
    void aTownUnitResponsibleForAnIndicatorOfACountyPlanSeesThePlanAndRecords() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        Fixtures.Unit town = Fixtures.unit(Fixtures.town(county), "TOWN");
        Fixtures.Unit otherTown = Fixtures.unit(Fixtures.town(county), "TOWN");
        List<String> ids = create(admin, office.id(), List.of(indicator(1, "GE", 95, "responsibleUnitId", town.id())));
        String editor = Tokens.token(town.code(), "unit-editor");
        assertEquals(ids.get(0), dashboard(editor, ids.get(0)).getString("data.plan.id"));
        assertTrue(ok(editor, "{ plans { id } }").getList("data.plans.id").contains(ids.get(0)));
        record(editor, ids.get(1), "2024", 96);
        assertEquals("NOT_FOUND", errorCode(Tokens.token(otherTown.code(), "viewer"), PlanningApi.DASHBOARD, vars("id", ids.get(0))));
    }

    @Test
    void responsibleUnitMustBeInThePlansRegion() {
        String issuer = Fixtures.department(Fixtures.county()).id();
        String elsewhere = Fixtures.department(Fixtures.county()).id();
        assertEquals("BAD_USER_INPUT", errorCode(admin, CREATE, vars("i", plan(issuer,
                List.of(indicator(1, "LT", 1, "responsibleUnitId", elsewhere))))));
    }

    // ---------- updates ----------

    @Test
    void updatingIndicatorsKeepsObservationsOfRevisedRowsAndNeedsTheCurrentVersion() {
        Fixtures.Unit office = Fixtures.department(Fixtures.county());
        String coordinator = Tokens.token(office.code(), "coordinator");
        List<String> ids = create(coordinator, office.id(), List.of(indicator(1, "LT", 1), indicator(2, "GT", 5)));
        String planId = ids.get(0);
        record(coordinator, ids.get(1), "2024", 0.5);
        int version = dashboard(coordinator, planId).getInt("data.plan.version");

        // Revise indicator 1 (now sequence 2, a stricter target), drop the unobserved one, add a new one as 1.
        Map<String, Object> revised = indicator(2, "LT", 0.4, "id", ids.get(1), "name", "Revised");
        Map<String, Object> input = plan(office.id(), List.of(revised, indicator(1, "EQ", 0)));
        input.put("title", "Revised plan");
        JsonPath updated = ok(coordinator, UPDATE, vars("id", planId, "v", version, "i", input));
        assertEquals(version + 1, updated.getInt("data.updatePlan.version"));
        assertEquals("Revised plan", updated.getString("data.updatePlan.title"));
        assertEquals(List.of(1, 2), updated.getList("data.updatePlan.indicators.sequence"));
        assertEquals(ids.get(1), updated.getString("data.updatePlan.indicators[1].id"));
        assertEquals(List.of("2024"), updated.getList("data.updatePlan.indicators[1].observations.period"));
        assertFalse(updated.getList("data.updatePlan.indicators.id").contains(ids.get(2)));
        assertEquals(List.of("NO_DATA", "NOT_MET"), PlanningApi.statuses(coordinator, planId), "0.5 is not below the revised 0.4");

        assertEquals("CONFLICT", errorCode(coordinator, UPDATE, vars("id", planId, "v", version, "i", input)), "stale version");
        assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), "unit-editor"), UPDATE, vars("id", planId, "v", version + 1, "i", input)));
    }

    @Test
    void anIndicatorWithObservationsCannotBeDroppedOrChangeItsPeriodKind() {
        Fixtures.Unit office = Fixtures.department(Fixtures.county());
        List<String> ids = create(admin, office.id(), List.of(indicator(1, "LT", 1)));
        record(admin, ids.get(1), "2024", 0.5);
        int version = dashboard(admin, ids.get(0)).getInt("data.plan.version");
        assertEquals("BAD_USER_INPUT", errorCode(admin, UPDATE, vars("id", ids.get(0), "v", version,
                "i", plan(office.id(), List.of(indicator(1, "GT", 2))))));
        assertEquals("BAD_USER_INPUT", errorCode(admin, UPDATE, vars("id", ids.get(0), "v", version,
                "i", plan(office.id(), List.of(indicator(1, "LT", 1, "id", ids.get(1), "periodKind", "QUARTER"))))));
        assertEquals("BAD_USER_INPUT", errorCode(admin, UPDATE, vars("id", ids.get(0), "v", version,
                "i", plan(office.id(), List.of(indicator(1, "LT", 1, "id", "987654321"))))), "an id of no indicator of this plan");
        JsonPath unchanged = dashboard(admin, ids.get(0));
        assertEquals(version, unchanged.getInt("data.plan.version"));
        assertEquals(List.of(ids.get(1)), unchanged.getList("data.plan.indicators.id"));
    }

    private List<String> plansIssuedBy(String issuerId) {
        List<Map<String, Object>> plans = ok(admin, "{ plans { id issuer { id } } }").getList("data.plans");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> p : plans) {
            Object issuer = p.get("issuer");
            if (issuer instanceof Map<?, ?> m && issuerId.equals(m.get("id"))) {
                found.add((String) p.get("id"));
            }
        }
        return found;
    }
}
