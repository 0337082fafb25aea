package cn.worksafety.common;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Unpaged list fields hold at most ListQuery.CAP (500) records: one more and the field is refused
 * with BAD_USER_INPUT naming its connection sibling, on both read paths (GraphQL.post compares
 * them); the sibling pages through all of them. Bulk rows are written with SQL: 501 mutations
 * would only make the test slow.
 */
@QuarkusTest
class ListCapTest {

    @Inject
    DataSource dataSource;

    private void insert(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String message(String token, String query) {
        JsonPath answer = GraphQL.post(token, query, null).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", answer.getString("errors[0].extensions.code"), answer.prettify());
        return answer.getString("errors[0].message");
    }

    /** Every node id of a connection field, following its pages of {@code first}. */
    private static List<String> allPages(String token, String field, int first) {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            JsonPath json = ok(token, "query($after: String) { " + field + "(first: " + first + ", after: $after) { totalCount "
                    + "pageInfo { hasNextPage endCursor } edges { node { id } } } }", vars("after", after));
            ids.addAll(json.getList("data." + field + ".edges.node.id", String.class));
            if (!json.getBoolean("data." + field + ".pageInfo.hasNextPage")) {
                return ids;
            }
            after = json.getString("data." + field + ".pageInfo.endCursor");
        }
        throw new AssertionError("more pages than expected");
    }

    @Test
    void plansOverTheCapAreRefusedAndPlansConnectionPagesThroughThem() throws SQLException {
        String county = Fixtures.county();
        String viewer = Tokens.token(Fixtures.department(county).code(), "viewer");
        insert("insert into plan (title, kind, period_start, period_end, region_code) select 'Plan ' || n, 'ANNUAL', "
                + "date '2026-01-01', date '2026-12-31', ? from generate_series(1, 500) n", county);
        try {
            plansOverTheCap(county, viewer);
        } finally {
            // The suite shares one database: other tests list every plan as admin.
            insert("delete from plan where region_code = ?", county);
        }
    }

    private void plansOverTheCap(String county, String viewer) throws SQLException {
        assertEquals(500, ok(viewer, "{ plans { id title } }").getList("data.plans").size());

        insert("insert into plan (title, kind, period_start, period_end, region_code) values ('Plan 501', 'ANNUAL', "
                + "date '2026-01-01', date '2026-12-31', ?)", county);
        String message = message(viewer, "{ plans { id title region { code } } }");
        assertTrue(message.contains("more than 500") && message.contains("plansConnection"), message);

        List<String> ids = allPages(viewer, "plansConnection", 200);
        assertEquals(501, ids.size());
        assertEquals(501, ids.stream().distinct().count());
        assertEquals(501, ok(viewer, "{ plansConnection(first: 1) { totalCount } }").getInt("data.plansConnection.totalCount"));
    }

    @Test
    void responsibilityListsOverTheCapAreRefusedAndTheirConnectionPagesThroughThem() throws SQLException {
        String county = Fixtures.county();
        Fixtures.Unit issuer = Fixtures.department(county);
        String viewer = Tokens.token(issuer.code(), "viewer");
        insert("insert into responsibility_list (title, issuer_id) select 'List ' || n, ? from generate_series(1, 501) n",
                Long.valueOf(issuer.id()));
        try {
            listsOverTheCap(issuer, viewer);
        } finally {
            insert("delete from responsibility_list where issuer_id = ?", Long.valueOf(issuer.id()));
        }
    }

    private void listsOverTheCap(Fixtures.Unit issuer, String viewer) throws SQLException {
        String message = message(viewer, "{ responsibilityLists { id title } }");
        assertTrue(message.contains("responsibilityListsConnection"), message);
        assertEquals(501, allPages(viewer, "responsibilityListsConnection", 500).size());
        // A withdrawn one leaves the default listing: 500 again, the whole list.
        insert("update responsibility_list set withdrawn_on = date '2026-01-01' where id = (select max(id) from responsibility_list "
                + "where issuer_id = ?)", Long.valueOf(issuer.id()));
        assertEquals(500, ok(viewer, "{ responsibilityLists { id } }").getList("data.responsibilityLists").size());
        assertEquals(500, ok(viewer, "{ responsibilityListsConnection { totalCount } }")
                .getInt("data.responsibilityListsConnection.totalCount"));
    }

    @Test
    void anItemWithMoreProgressReportsThanTheCapIsRefusedOnBothPaths() throws SQLException {
        String county = Fixtures.county();
        Fixtures.Unit issuer = Fixtures.department(county);
        String admin = Tokens.admin();
        Map<String, Object> item = Map.of("number", "1", "title", "Measure", "content", "Text", "assignments",
                List.of(Map.of("unitId", issuer.id(), "role", "LEAD")), "deadline", Map.of("kind", "LONG_TERM"));
        String itemId = ok(admin, "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) "
                + "{ items(first: 1) { edges { node { id } } } } }", vars("i", Map.of("title", "List", "issuerId", issuer.id(),
                        "items", List.of(item)))).getString("data.createResponsibilityList.items.edges[0].node.id");
        insert("insert into progress_report (responsibility_id, unit_id, reported_on, summary, completed, filed_by_office, "
                + "counts_as_completion, reported_by) select ?, ?, date '2026-01-01' + n, 'Report ' || n, false, false, false, 'bulk' "
                + "from generate_series(1, 501) n", Long.valueOf(itemId), Long.valueOf(issuer.id()));
        String viewer = Tokens.token(issuer.code(), "viewer");
        try {
            String message = message(viewer, "query { responsibility(id: \"" + itemId + "\") { title progressReports { summary } } }");
            assertTrue(message.contains("'progressReports' would return more than 500"), message);
        } finally {
            insert("delete from progress_report where responsibility_id = ?", Long.valueOf(itemId));
        }
    }

    @Test
    void theOtherSiblingsListWhatTheirListsList() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String coordinator = Tokens.token(unit.code(), "coordinator");
        ok(coordinator, "mutation($i: CommitteeInput!) { createCommittee(input: $i) { id } }", vars("i", Map.of("unitId", unit.id(),
                "name", "Safety committee", "rule", Map.of("frequency", "QUARTERLY", "minimumMeetings", 1), "establishedOn", "2025-01-01")));
        for (String[] pair : new String[][] { { "committees", "committeesConnection" }, { "trainingRules", "trainingRulesConnection" },
                { "linkageMechanisms", "linkageMechanismsConnection" }, { "plans", "plansConnection" },
                { "responsibilityLists", "responsibilityListsConnection" } }) {
            List<String> listed = ok(coordinator, "{ " + pair[0] + " { id } }").getList("data." + pair[0] + ".id", String.class);
            assertEquals(listed, allPages(coordinator, pair[1], 2), pair[1]);
        }
        assertFalse(ok(coordinator, "{ committees { id } }").getList("data.committees").isEmpty());
        assertEquals("BAD_USER_INPUT", errorCode(coordinator, "{ plansConnection(first: 501) { totalCount } }"));
        assertEquals("BAD_USER_INPUT", errorCode(coordinator, "{ plansConnection(after: \"nonsense\") { totalCount } }"));
    }
}
