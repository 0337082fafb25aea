package cn.worksafety.packaged;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/**
 * The packaged artifact as it ships: the JVM jar in {@code ./mvnw verify}, the native executable
 * with {@code -Dnative}. It runs with the production profile; {@code EmbeddedPostgresResource}
 * hands it the database URL and the token public key through configuration, as a cluster's
 * environment would. Nothing here reaches into the application: only HTTP.
 *
 * <p>The scheduler and its checks belong to the alert feature, which brings its own
 * packaged-artifact test with it.
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
