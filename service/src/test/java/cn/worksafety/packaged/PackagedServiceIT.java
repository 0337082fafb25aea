package cn.worksafety.packaged;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/**
 * The packaged artifact as it ships: the JVM jar in {@code ./mvnw verify}, the native executable
 * with {@code -Dnative}. It runs with the production profile; {@code EmbeddedPostgresResource}
 * hands it the database URL and the token public key through configuration, as a cluster's
 * environment would. Nothing here reaches into the application: only HTTP.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    @Test
    void unitsQueryWithASignedTokenSeesTheUnitsOfItsRegion() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        Fixtures.Unit other = Fixtures.unit(county, "ENTERPRISE");

        JsonPath units = ok(Tokens.token(office.code(), "viewer"),
                "query($r: ID) { units(regionCode: $r, first: 10) { totalCount edges { node { code region { code } } } } }",
                vars("r", county));

        assertEquals(2, units.getInt("data.units.totalCount"));
        List<String> codes = units.getList("data.units.edges.node.code");
        assertTrue(codes.containsAll(List.of(office.code(), other.code())), codes.toString());
        assertEquals(List.of(county, county), units.getList("data.units.edges.node.region.code"));
    }

    @Test
    void mutationIsWrittenToTheAuditTrailAsJson() {
        // The audit trail snapshots entities to JSON with Jackson: the reflection a native image
        // must have been given for them.
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        JsonPath trail = ok(Tokens.admin(), "query($id: ID) { auditTrail(recordType: \"Unit\", recordId: $id) { edges { node { operation recordType after } } } }",
                vars("id", unit.id()));
        assertEquals(List.of("createUnit"), trail.getList("data.auditTrail.edges.node.operation"));
        assertEquals("Unit", trail.getString("data.auditTrail.edges[0].node.recordType"));
        String after = trail.getString("data.auditTrail.edges[0].node.after");
        assertEquals(unit.code(), JsonPath.from(after).getString("code"), after);
    }

    @Test
    void responsibilityListIsAuditedWithItsItemsAsJson() {
        // The list's snapshot is a record of records, not an entity: registered for reflection by hand.
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        Fixtures.Unit lead = Fixtures.department(county);
        Map<String, Object> item = Map.of("number", "(一)", "title", "Measure one", "content", "Full text.",
                "assignments", List.of(Map.of("unitId", lead.id(), "role", "LEAD")),
                "deadline", Map.of("kind", "DATE", "dueOn", "2030-12-31"));
        Map<String, Object> input = Map.of("title", "Packaged list", "issuerId", office.id(), "issuedOn", "2026-01-05",
                "items", List.of(item));
        String id = ok(Tokens.token(office.code(), "coordinator"),
                "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) { id } }", vars("i", input))
                .getString("data.createResponsibilityList.id");
        String after = ok(Tokens.admin(), "query($id: ID) { auditTrail(recordType: \"ResponsibilityList\", recordId: $id) "
                + "{ edges { node { after } } } }", vars("id", id)).getString("data.auditTrail.edges[0].node.after");
        assertEquals("Packaged list", JsonPath.from(after).getString("list.title"), after);
        assertEquals("(一)", JsonPath.from(after).getString("items[0].item.number"), after);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard against hanging if the run never comes, not a speed target
    void checksRunAtStartUpAndOnDemandAndShowInTheMetrics() {
        // Production catches up at start-up when the checks have never run: the scheduler is live.
        // The catch-up runs on its own thread after start-up, so wait for it to show.
        while (!metrics().contains("safety_checks_duration_seconds_count{trigger=\"STARTUP\"")) {
            sleep();
        }
        JsonPath run = ok(Tokens.admin(), "mutation { runChecks(asOf: \"2030-01-15\") { asOf alertsRaised } }");
        assertEquals("2030-01-15", run.getString("data.runChecks.asOf"));
        assertTrue(metrics().contains("safety_checks_duration_seconds_count{trigger=\"MANUAL\""), "the manual run is timed");
        assertEquals("FORBIDDEN", errorCode(Tokens.token(null, "coordinator"), "mutation { runChecks(asOf: \"2030-01-15\") { asOf } }"));
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void anonymousCallerIsUnauthenticated() {
        assertEquals("UNAUTHENTICATED", errorCode(null, "{ units { totalCount } }"));
    }

    @Test
    void forgedTokenIsUnauthenticated() {
        assertEquals("UNAUTHENTICATED", errorCode(Tokens.forged(null, "admin"), "{ units { totalCount } }"));
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        assertEquals("UNAUTHENTICATED", errorCode(Tokens.expired(null, "admin"), "{ units { totalCount } }"));
    }

    @Test
    void viewerMayNotCreateUnits() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), "viewer"),
                "mutation($i: UnitInput!) { createUnit(input: $i) { id } }",
                vars("i", Map.of("code", Fixtures.unique("V"), "name", "Not allowed", "kind", "DEPARTMENT",
                        "regionCode", county))));
    }

    @Test
    void healthEndpointsTheProbesUseAreUpWithTheDatabaseCheck() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/started").then().statusCode(200);
        JsonPath ready = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertEquals("UP", ready.getString("status"));
        assertTrue(ready.getList("checks.name").stream().anyMatch(name -> String.valueOf(name).contains("Database")),
                ready.prettify());
    }

    @Test
    void prometheusMetricsAreServedAnonymously() {
        ok(Tokens.admin(), "{ units(first: 1) { totalCount } }");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP server metrics");
        assertTrue(metrics.contains("uri=\"/graphql\""), "GraphQL requests are counted");
        assertTrue(metrics.contains("agroal_"), "connection pool metrics");
    }

    @Test
    void localTokenEndpointDoesNotExistOutsideLocalMode() {
        given().contentType("application/json").body(Map.of("roles", List.of("admin")))
                .when().post("/local/token").then().statusCode(404);
    }
}
