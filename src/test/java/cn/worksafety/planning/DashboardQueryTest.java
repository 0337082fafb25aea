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
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The dashboard (a plan with every indicator's target, latest, status and series) costs a fixed number of SQL statements. */
@QuarkusTest
class DashboardQueryTest {

    /** Caller (unit, region), plan, region check, indicators, observations, issuer, region, responsible units, reporting units. */
    static final int BOUND = 12;

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
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }
}
