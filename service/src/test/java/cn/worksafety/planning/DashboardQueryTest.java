package cn.worksafety.planning;

import static cn.worksafety.planning.PlanningApi.create;
import static cn.worksafety.planning.PlanningApi.indicator;
import static cn.worksafety.planning.PlanningApi.record;
import static cn.worksafety.support.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The dashboard (a plan with every indicator's target, latest, status and series) costs a fixed number of SQL statements. */
@QuarkusTest
class DashboardQueryTest {

    /** Caller (unit, region), plan, region check, indicators, observations, issuer, region, responsible units, reporting units. */
    static final int BOUND = 12;

    /** The dashboard plus one statement each for the tasks, their lead units, the linked items (visibility included) and their status. */
    static final int BOUND_WITH_TASKS = BOUND + 4;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void dashboardStatementCountDoesNotGrowWithIndicatorsOrObservations() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        String viewer = Tokens.token(office.code(), "viewer");

        String small = plan(office, 1, 1);
        String large = plan(office, 12, 4);

        long smallCount = statements(viewer, small, 1, 1);
        long largeCount = statements(viewer, large, 12, 4);
        System.out.printf("dashboard SQL statements: 1 indicator x 1 observation = %d, 12 x 4 = %d%n", smallCount, largeCount);
        assertEquals(smallCount, largeCount, "statements for 1 indicator x 1 observation vs 12 x 4");
        assertTrue(largeCount <= BOUND, "dashboard took " + largeCount + " statements");
    }

    @Test
    void allPlansWithTheirIndicatorsCostAFixedNumberOfStatements() {
        Fixtures.Unit office = Fixtures.department(Fixtures.county());
        String viewer = Tokens.token(office.code(), "viewer");
        String query = "{ plans { id issuer { code } indicators { status latest { value } observations { period reportedBy { code } } } } }";
        plan(office, 2, 2);
        long before = count(() -> ok(viewer, query));
        plan(office, 5, 3);
        plan(office, 3, 1);
        long after = count(() -> ok(viewer, query));
        System.out.printf("plans SQL statements: 1 plan = %d, 3 plans = %d%n", before, after);
        assertEquals(before, after, "three plans cost what one does");
    }

    @Test
    void tasksWithLeadUnitsAndLinkedItemsAndTheirStatusDoNotGrowTheStatementCount() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        String viewer = Tokens.token(office.code(), "viewer");

        String small = planWithTasks(office, 1);
        String large = planWithTasks(office, 15);

        long smallCount = count(() -> assertTasks(GraphQL.ok(viewer, PlanningApi.DASHBOARD_WITH_TASKS, GraphQL.vars("id", small)), 1));
        long largeCount = count(() -> assertTasks(GraphQL.ok(viewer, PlanningApi.DASHBOARD_WITH_TASKS, GraphQL.vars("id", large)), 15));
        System.out.printf("dashboard with tasks SQL statements: 1 task = %d, 15 tasks = %d%n", smallCount, largeCount);
        assertEquals(smallCount, largeCount, "statements for 1 linked task vs 15");
        assertTrue(largeCount <= BOUND_WITH_TASKS, "dashboard with tasks took " + largeCount + " statements");

        String query = "{ plans { id tasks { number leadUnit { code } responsibility { number status deadline { kind dueOn } } } } }";
        long plansCount = count(() -> ok(viewer, query));
        planWithTasks(office, 7);
        long morePlansCount = count(() -> ok(viewer, query));
        System.out.printf("plans with tasks SQL statements: 2 plans = %d, 3 plans = %d%n", plansCount, morePlansCount);
        assertEquals(plansCount, morePlansCount, "a third plan with 7 more linked tasks costs nothing more");
    }

    /** A plan with two observed indicators and {@code tasks} tasks, each led by its own unit and linked to its own item. */
    private String planWithTasks(Fixtures.Unit office, int tasks) {
        String admin = Tokens.admin();
        List<Map<String, Object>> items = new ArrayList<>();
        List<Fixtures.Unit> leads = new ArrayList<>();
        for (int i = 1; i <= tasks; i++) {
            Fixtures.Unit lead = Fixtures.department(office.regionCode());
            leads.add(lead);
            items.add(i % 2 == 0 ? PlanningApi.item("(" + i + ")", "LONG_TERM", null, lead.id())
                    : PlanningApi.item("(" + i + ")", "DATE", "2022-12-31", lead.id()));
        }
        List<String> itemIds = PlanningApi.responsibilityList(admin, office.id(), items);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            rows.add(PlanningApi.task(String.valueOf(i + 1), "Task " + (i + 1), "leadUnitId", leads.get(i).id(),
                    "responsibilityId", itemIds.get(i)));
        }
        Map<String, Object> input = PlanningApi.plan(office.id(), List.of(indicator(1, "LT", 1, "responsibleUnitId", office.id()),
                indicator(2, "GT", 1, "responsibleUnitId", office.id())));
        input.put("tasks", rows);
        String planId = ok(admin, PlanningApi.CREATE, GraphQL.vars("i", input)).getString("data.createPlan.id");
        List<String> indicatorIds = PlanningApi.dashboard(admin, planId).getList("data.plan.indicators.id", String.class);
        String coordinator = Tokens.token(office.code(), "coordinator");
        for (String indicatorId : indicatorIds) {
            record(coordinator, indicatorId, "2021", 1);
            record(coordinator, indicatorId, "2022", 2);
        }
        return planId;
    }

    private static void assertTasks(JsonPath json, int tasks) {
        assertEquals(tasks, json.getList("data.plan.tasks").size());
        for (int i = 0; i < tasks; i++) {
            assertEquals(i % 2 == 0 ? "OVERDUE" : "ONGOING", json.getString("data.plan.tasks[" + i + "].responsibility.status"));
            assertTrue(json.getString("data.plan.tasks[" + i + "].leadUnit.code") != null);
        }
        assertEquals(2, json.getList("data.plan.indicators[0].observations").size());
    }

    private String plan(Fixtures.Unit office, int indicators, int observations) {
        String admin = Tokens.admin();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= indicators; i++) {
            rows.add(i % 2 == 0 ? indicator(i, "DECREASE_BY_PERCENT", 10, "baselinePeriod", "2020", "responsibleUnitId", office.id())
                    : indicator(i, "LT", 1, "responsibleUnitId", office.id()));
        }
        List<String> ids = create(admin, office.id(), rows);
        String coordinator = Tokens.token(office.code(), "coordinator");
        for (int i = 1; i <= indicators; i++) {
            for (int year = 0; year < observations; year++) {
                record(coordinator, ids.get(i), String.valueOf(2020 + year), 1 + year);
            }
        }
        return ids.get(0);
    }

    private long statements(String token, String planId, int indicators, int observations) {
        return count(() -> {
            JsonPath json = GraphQL.ok(token, PlanningApi.DASHBOARD, GraphQL.vars("id", planId));
            assertEquals(indicators, json.getList("data.plan.indicators").size());
            assertEquals(observations, json.getList("data.plan.indicators[0].observations").size());
        });
    }

    private long count(Runnable request) {
        return SqlStatements.cost(sessionFactory, request);
    }
}
