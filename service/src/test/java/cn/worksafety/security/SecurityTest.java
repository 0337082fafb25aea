package cn.worksafety.security;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Authentication, roles, scoping, masking and audit, over HTTP with real signed tokens. */
@QuarkusTest
class SecurityTest {

    private static final String CREATE_UNIT = "mutation($i: UnitInput!) { createUnit(input: $i) { id } }";
    private static final String CREATE_PERSON = "mutation($i: PersonInput!) { createPerson(input: $i) { id } }";
    private static final String PERSON = "query($id: ID!) { person(id: $id) { idNumber phone } }";

    private static Map<String, Object> unitInput(String regionCode) {
        return Map.of("code", Fixtures.unique("S"), "name", "Unit", "kind", "DEPARTMENT", "regionCode", regionCode);
    }

    private static Map<String, Object> personInput(String unitId) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", "李四");
        input.put("unitId", unitId);
        input.put("roles", List.of("SAFETY_MANAGER"));
        input.put("idNumber", "110101199003071234");
        input.put("phone", "13812345678");
        return input;
    }

    @Test
    void anonymousCallersGetUnauthenticatedForQueriesAndMutations() {
        assertEquals("UNAUTHENTICATED", errorCode(null, "{ units { totalCount } }"));
        assertEquals("UNAUTHENTICATED", errorCode(null, "{ me { code } }"));
        assertEquals("UNAUTHENTICATED", errorCode(null, "{ alerts { totalCount } }"));
        assertEquals("UNAUTHENTICATED", errorCode(null, CREATE_UNIT, vars("i", unitInput("11"))));
    }

    @Test
    void forgedAndExpiredTokensAreUnauthenticated() {
        String county = Fixtures.county();
        assertEquals("UNAUTHENTICATED", errorCode(Tokens.forged(null, "admin"), "{ units { totalCount } }"));
        assertEquals("UNAUTHENTICATED", errorCode(Tokens.expired(null, "admin"), "{ units { totalCount } }"));
        assertEquals("UNAUTHENTICATED", errorCode("not.a.token", "{ units { totalCount } }"));
        // Signed by the trusted key, current, admin: but issued for another application.
        assertEquals("UNAUTHENTICATED", errorCode(Tokens.otherAudience(null, "admin"), "{ units { totalCount } }"));
        assertEquals("UNAUTHENTICATED", errorCode(Tokens.otherAudience(null, "admin"), CREATE_UNIT, vars("i", unitInput(county))));
        assertEquals("UNAUTHENTICATED", errorCode(Tokens.forged(null, "admin"), CREATE_UNIT, vars("i", unitInput(county))));
        assertEquals(0, ok(Tokens.admin(), "query($r: ID) { units(regionCode: $r) { totalCount } }", vars("r", county))
                .getInt("data.units.totalCount"));
    }

    @Test
    void healthAndMetricsStayOpen() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void onlyAdminsAndRegionCoordinatorsCreateUnits() {
        String county = Fixtures.county();
        String town = Fixtures.town(county);
        Fixtures.Unit office = Fixtures.department(county);
        Fixtures.Unit elsewhere = Fixtures.department(Fixtures.county());

        assertNotNull(ok(Tokens.token(office.code(), "coordinator"), CREATE_UNIT, vars("i", unitInput(town))).getString("data.createUnit.id"));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(elsewhere.code(), "coordinator"), CREATE_UNIT, vars("i", unitInput(county))));
        for (String role : List.of("unit-editor", "viewer", "exchange")) {
            assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), role), CREATE_UNIT, vars("i", unitInput(county))), role);
        }
        // Only the coordinator's own unit made it in, besides the office itself.
        assertEquals(2, ok(Tokens.admin(), "query($r: ID) { units(regionCode: $r) { totalCount } }", vars("r", county))
                .getInt("data.units.totalCount"));
    }

    @Test
    void unitEditorChangesOnlyItsOwnUnitAndADeniedChangeWritesNothing() {
        String county = Fixtures.county();
        Fixtures.Unit mine = Fixtures.department(county);
        Fixtures.Unit theirs = Fixtures.department(county);
        String editor = Tokens.token(mine.code(), "unit-editor");

        assertNotNull(ok(editor, CREATE_PERSON, vars("i", personInput(mine.id()))).getString("data.createPerson.id"));
        assertEquals("FORBIDDEN", errorCode(editor, CREATE_PERSON, vars("i", personInput(theirs.id()))));
        assertEquals(0, ok(Tokens.admin(), "query($u: ID) { persons(unitId: $u) { totalCount } }", vars("u", theirs.id()))
                .getInt("data.persons.totalCount"));
        for (String role : List.of("viewer", "exchange")) {
            assertEquals("FORBIDDEN", errorCode(Tokens.token(mine.code(), role), CREATE_PERSON, vars("i", personInput(mine.id()))), role);
        }
    }

    @Test
    void readersSeeTheirRegionAndBelowAndNothingElse() {
        String county = Fixtures.county();
        String town = Fixtures.town(county);
        Fixtures.Unit countyUnit = Fixtures.department(county);
        Fixtures.Unit townUnit = Fixtures.unit(town, "TOWN");
        Fixtures.Unit stranger = Fixtures.department(Fixtures.county());

        String countyViewer = Tokens.token(countyUnit.code(), "viewer");
        assertEquals(townUnit.code(), ok(countyViewer, "query($id: ID!) { unit(id: $id) { code } }", vars("id", townUnit.id()))
                .getString("data.unit.code"));
        assertEquals("NOT_FOUND", errorCode(countyViewer, "query($id: ID!) { unit(id: $id) { code } }", vars("id", stranger.id())));
        List<String> codes = ok(countyViewer, "{ units(first: 500) { edges { node { code } } } }").getList("data.units.edges.node.code");
        assertTrue(codes.contains(townUnit.code()) && codes.contains(countyUnit.code()));
        assertTrue(!codes.contains(stranger.code()));

        String townViewer = Tokens.token(townUnit.code(), "viewer");
        assertEquals("NOT_FOUND", errorCode(townViewer, "query($id: ID!) { unit(id: $id) { code } }", vars("id", countyUnit.id())));
        // A token whose unit does not exist sees nothing.
        assertEquals(0, ok(Tokens.token("NO-SUCH-UNIT", "viewer"), "{ units { totalCount } }").getInt("data.units.totalCount"));
    }

    @Test
    void personalDataIsMaskedForThoseWhoMayNotSeeIt() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        Fixtures.Unit neighbour = Fixtures.department(county);
        String person = ok(Tokens.admin(), CREATE_PERSON, vars("i", personInput(unit.id()))).getString("data.createPerson.id");

        for (String token : List.of(Tokens.admin(), Tokens.token(unit.code(), "coordinator"), Tokens.token(unit.code(), "unit-editor"))) {
            JsonPath whole = ok(token, PERSON, vars("id", person));
            assertEquals("110101199003071234", whole.getString("data.person.idNumber"));
            assertEquals("13812345678", whole.getString("data.person.phone"));
        }
        for (String token : List.of(Tokens.token(unit.code(), "viewer"), Tokens.token(unit.code(), "exchange"),
                Tokens.token(neighbour.code(), "unit-editor"))) {
            JsonPath masked = ok(token, PERSON, vars("id", person));
            assertEquals("1101**********1234", masked.getString("data.person.idNumber"));
            assertEquals("138****5678", masked.getString("data.person.phone"));
        }
        // Masked in lists too, as the data-exchange platforms pull them.
        JsonPath page = ok(Tokens.token(unit.code(), "exchange"), "query($u: ID) { persons(unitId: $u) { edges { node { idNumber } } } }",
                vars("u", unit.id()));
        assertEquals(List.of("1101**********1234"), page.getList("data.persons.edges.node.idNumber"));
    }

    @Test
    void everyChangeIsAuditedAndADeniedOneIsNot() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        String coordinator = Tokens.token(office.code(), "coordinator");
        String id = ok(coordinator, CREATE_UNIT, vars("i", unitInput(county))).getString("data.createUnit.id");

        String audit = "query($r: ID) { auditTrail(recordType: \"Unit\", recordId: $r) { edges { node { subject unitCode operation recordType recordId before after } } } }";
        JsonPath trail = ok(Tokens.admin(), audit, vars("r", id));
        assertEquals(1, trail.getList("data.auditTrail.edges").size());
        assertEquals(List.of(), ok(Tokens.admin(), "query($r: ID) { auditTrail(recordType: \"Plan\", recordId: $r) { edges { cursor } } }",
                vars("r", id)).getList("data.auditTrail.edges"), "another record type with the same id");
        assertEquals("createUnit", trail.getString("data.auditTrail.edges[0].node.operation"));
        assertEquals("Unit", trail.getString("data.auditTrail.edges[0].node.recordType"));
        assertEquals(office.code(), trail.getString("data.auditTrail.edges[0].node.unitCode"));
        assertTrue(trail.getString("data.auditTrail.edges[0].node.subject").startsWith("test-coordinator"));
        assertNull(trail.get("data.auditTrail.edges[0].node.before"));
        assertTrue(trail.getString("data.auditTrail.edges[0].node.after").contains("\"code\""));

        String since = TestClock.now().toString();
        assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), "viewer"), CREATE_UNIT, vars("i", unitInput(county))));
        assertEquals("CONFLICT", errorCode(coordinator, CREATE_UNIT, vars("i", Map.of("code", office.code(), "name", "dup",
                "kind", "DEPARTMENT", "regionCode", county))));
        assertEquals(List.of(), ok(Tokens.admin(), "query($s: DateTime) { auditTrail(since: $s) { edges { node { operation } } } }",
                vars("s", since)).getList("data.auditTrail.edges"), "denied and failed mutations add no audit rows");

        assertEquals("FORBIDDEN", errorCode(coordinator, audit, vars("r", id)));
    }

    @Test
    void errorsNeverLeakInternals() {
        JsonPath json = GraphQL.post(Tokens.admin(), "{ unit(id: \"1\") { nosuchfield } }").extract().jsonPath();
        assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"));
        String body = GraphQL.post(Tokens.admin(), "{ units(after: \"x\") { totalCount } }").extract().asString();
        assertTrue(!body.contains("Exception") && !body.contains("at cn.") && !body.toLowerCase().contains("select "), body);
    }
}
