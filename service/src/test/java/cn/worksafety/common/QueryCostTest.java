package cn.worksafety.common;

import static cn.worksafety.support.GraphQL.ok;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.ReadPaths;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The request budget (docs/query-cost.md): counted in rows, refused with BAD_USER_INPUT and the
 * cost in the message before any SQL runs, on both read paths; the standard introspection query
 * always passes, with or without a token.
 */
@QuarkusTest
class QueryCostTest {

    @Inject
    SessionFactory sessionFactory;

    private static String aliases(int count, String field) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            query.append(" a").append(i).append(": ").append(field);
        }
        return query.append(" }").toString();
    }

    /** Posts down one read path (null: as a client's request goes) and returns the answer. */
    private static JsonPath send(String token, String query, String path) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (path != null) {
            request.header(ReadPaths.HEADER, path);
        }
        return request.post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    private void assertRefusedBeforeAnySql(String query, String messagePart) {
        for (String path : new String[] { null, ReadPaths.ENGINE }) {
            long statements = SqlStatements.asSent(sessionFactory, () -> {
                JsonPath answer = send(Tokens.admin(), query, path);
                assertEquals("BAD_USER_INPUT", answer.getString("errors[0].extensions.code"), answer.prettify());
                assertTrue(answer.getString("errors[0].message").contains(messagePart), answer.getString("errors[0].message"));
                assertNull(answer.get("data.a0"));
            });
            assertEquals(0, statements, "SQL ran for a refused request down path " + path);
        }
    }

    @Test
    void fiveHundredAliasesOfAUnitsPageAreRefusedBeforeAnySql() {
        assertRefusedBeforeAnySql(aliases(500, "units(first: 100) { totalCount }"), "500 root fields");
    }

    @Test
    void costCountsRowsSoANestedPageMultipliesAndTheMessageSaysHowMany() {
        // 10 lists (the estimate for an unpaged list) x 500 items x 10 assignments (estimate) with their unit:
        // 10 + 5,000 + 50,000 + 50,000 rows.
        String query = "{ a0: responsibilityLists { title items(first: 500) { edges { node { assignments { unit { code } } } } } } }";
        assertRefusedBeforeAnySql(query, "about 105010 rows");
        // The same shape with pages of 10 is 2,110 rows and runs (a fresh county: other tests' lists stay out of it).
        ok(Tokens.token(Fixtures.department(Fixtures.county()).code(), "viewer"),
                "{ responsibilityLists { title items(first: 10) { edges { node { assignments { unit { code } } } } } } }");
    }

    @Test
    void aliasesAddUpToTheBudget() {
        // 15 aliases of 500 units with their region and parent: 15 x 1,500 = 22,500 rows.
        String page = "units(first: 500) { edges { node { code region { code } parent { code } } } }";
        assertRefusedBeforeAnySql(aliases(15, page), "about 22500 rows");
        ok(Tokens.admin(), aliases(13, page)); // 19,500 rows
    }

    @Test
    void deepNestingIsRefused() {
        // units, edges, node, nine parents and code: 13 levels.
        String deep = "{ a0: units(first: 1) { edges { node { " + "parent { ".repeat(9) + "code" + " }".repeat(9) + " } } } }";
        assertRefusedBeforeAnySql(deep, "13 levels deep");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = QueryCostTest.class.getResourceAsStream("/introspection/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void graphqlJsIntrospectionQueryPassesWithAndWithoutAToken() throws IOException {
        // The exact text graphql-js 16 getIntrospectionQuery() sends (GraphiQL, Apollo, graphql-codegen),
        // by default and with every option on.
        for (String name : new String[] { "graphql-js-default.graphql", "graphql-js-all-options.graphql" }) {
            String query = resource(name);
            for (String token : new String[] { null, Tokens.admin(), Tokens.token(null, "viewer") }) {
                JsonPath answer = send(token, query, null);
                assertNull(answer.get("errors"), name + ": " + answer.prettify());
                assertEquals("Query", answer.getString("data.__schema.queryType.name"));
                assertTrue(answer.getList("data.__schema.types").size() > 50, name);
            }
        }
    }

    @Test
    void introspectionNextToDataIsFreeButTheDataIsStillCosted() {
        JsonPath answer = GraphQL.ok(Tokens.admin(), "{ __schema { types { name fields { name type { name ofType { name ofType "
                + "{ name ofType { name ofType { name } } } } } } } } units(first: 1) { totalCount } }");
        assertTrue(answer.getInt("data.units.totalCount") >= 0);
    }
}
