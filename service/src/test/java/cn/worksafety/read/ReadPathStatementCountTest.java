package cn.worksafety.read;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The benchmark's heaviest shape, every list with its first items, their reports and
 * assignments, costs one statement down the compiled read path and a fixed number down the
 * GraphQL engine, however many lists there are.
 */
@QuarkusTest
class ReadPathStatementCountTest {

    static final String EVERY_LIST = "{ responsibilityLists { id title issuer { name } items(first: 20) { totalCount edges { node { id number "
            + "title status deadline { kind dueOn } progressReports { reportedOn summary completed unit { name } } "
            + "assignments { role unit { name region { name } } } } } } } }";

    @Inject
    SessionFactory sessionFactory;

    @Test
    void everyListWithItsItemsCostsTheSameStatementsForTwoAndForSixLists() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.unit(county, "OTHER");
        List<Fixtures.Unit> departments = List.of(Fixtures.department(county), Fixtures.department(county), Fixtures.department(county));
        String viewer = Tokens.token(office.code(), "viewer");
        lists(office, departments, 2);
        long compiledTwo = SqlStatements.asSent(sessionFactory, () -> ok(viewer, EVERY_LIST));
        long engineTwo = SqlStatements.engine(sessionFactory, () -> ok(viewer, EVERY_LIST));
        lists(office, departments, 4);
        long compiledSix = SqlStatements.asSent(sessionFactory, () -> ok(viewer, EVERY_LIST));
        long engineSix = SqlStatements.engine(sessionFactory, () -> ok(viewer, EVERY_LIST));
        System.out.printf("every list SQL statements: compiled 2 lists = %d, 6 lists = %d; engine 2 lists = %d, 6 lists = %d%n",
                compiledTwo, compiledSix, engineTwo, engineSix);
        assertEquals(1, compiledTwo, "compiled, 2 lists");
        assertEquals(1, compiledSix, "compiled, 6 lists");
        assertEquals(engineTwo, engineSix, "engine, 2 vs 6 lists");
    }

    private static void lists(Fixtures.Unit office, List<Fixtures.Unit> departments, int count) {
        String admin = Tokens.admin();
        for (int l = 0; l < count; l++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                items.add(Map.of("number", "(" + i + ")", "title", "Measure " + i, "content", "Text " + i,
                        "assignments", departments.stream().map(d -> Map.<String, Object>of("unitId", d.id(),
                                "role", d == departments.get(0) ? "LEAD" : "RESPONSIBLE")).toList(),
                        "deadline", Map.of("kind", "DATE", "dueOn", "2030-01-01")));
            }
            String itemId = ok(admin, "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) "
                    + "{ items(first: 1) { edges { node { id } } } } }", vars("i", Map.of("title", "List " + l, "issuerId", office.id(),
                            "items", items))).getString("data.createResponsibilityList.items.edges[0].node.id");
            ok(admin, "mutation($i: ProgressReportInput!) { reportProgress(input: $i) { id } }", vars("i", Map.of("responsibilityId", itemId,
                    "unitId", departments.get(0).id(), "reportedOn", "2026-01-05", "summary", "Under way", "completed", false)));
        }
    }
}
