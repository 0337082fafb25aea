package cn.worksafety.organisation;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrganisationTest {

    private static final String CREATE_UNIT = "mutation($i: UnitInput!) { createUnit(input: $i) { id code name kind region { code } parent { id } } }";

    @Test
    void createdUnitIsReadBackWithItsRegionAndParent() {
        String county = Fixtures.county();
        Fixtures.Unit parent = Fixtures.unit(county, "GOVERNMENT");
        String code = Fixtures.unique("EMB");
        JsonPath created = ok(Tokens.admin(), CREATE_UNIT, vars("i", Map.of("code", code, "name", "应急管理局",
                "kind", "DEPARTMENT", "regionCode", county, "parentId", parent.id())));
        String id = created.getString("data.createUnit.id");

        JsonPath read = ok(Tokens.admin(), "query($id: ID!) { unit(id: $id) { code name kind updatedAt region { code level parent { level } } parent { code } } }",
                vars("id", id));
        assertEquals(code, read.getString("data.unit.code"));
        assertEquals("应急管理局", read.getString("data.unit.name"));
        assertEquals(county, read.getString("data.unit.region.code"));
        assertEquals("COUNTY", read.getString("data.unit.region.level"));
        assertEquals("CITY", read.getString("data.unit.region.parent.level"));
        assertEquals(parent.code(), read.getString("data.unit.parent.code"));
    }

    @Test
    void duplicateUnitCodeIsConflictAndWritesNothing() {
        String county = Fixtures.county();
        Fixtures.Unit existing = Fixtures.department(county);
        String code = errorCode(Tokens.admin(), CREATE_UNIT, vars("i", Map.of("code", existing.code(), "name", "Another",
                "kind", "DEPARTMENT", "regionCode", county)));
        assertEquals("CONFLICT", code);
        assertEquals(1, ok(Tokens.admin(), "query($r: ID) { units(regionCode: $r) { totalCount } }", vars("r", county))
                .getInt("data.units.totalCount"));
    }

    @Test
    void unknownRegionIsBadUserInput() {
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), CREATE_UNIT, vars("i", Map.of("code", Fixtures.unique("X"),
                "name", "Nowhere", "kind", "DEPARTMENT", "regionCode", "999999999"))));
    }

    @Test
    void blankNameIsBadUserInputWithAMessageNamingTheField() {
        JsonPath json = cn.worksafety.support.GraphQL.post(Tokens.admin(), CREATE_UNIT, vars("i", Map.of("code", Fixtures.unique("X"),
                "name", "  ", "kind", "DEPARTMENT", "regionCode", Fixtures.county()))).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"));
        assertTrue(json.getString("errors[0].message").contains("'name'"));
    }

    @Test
    void unknownUnitIdIsNotFound() {
        assertEquals("NOT_FOUND", errorCode(Tokens.admin(), "{ unit(id: \"987654321\") { code } }"));
        assertEquals("NOT_FOUND", errorCode(Tokens.admin(), "{ unit(id: \"not-a-number\") { code } }"));
    }

    @Test
    void unitsArePagedWithKeysetCursorsAcrossPagesWithAFilter() {
        String county = Fixtures.county();
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            made.add(Fixtures.department(county).id());
        }
        Fixtures.unit(county, "ENTERPRISE");
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = ok(Tokens.admin(), "query($r: ID, $a: String) { units(first: 3, after: $a, regionCode: $r, kind: DEPARTMENT) "
                    + "{ totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }", vars("r", county, "a", after));
            assertEquals(7, page.getInt("data.units.totalCount"));
            seen.addAll(page.getList("data.units.edges.node.id"));
            after = page.getBoolean("data.units.pageInfo.hasNextPage") ? page.getString("data.units.pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(made, new HashSet<>(seen));
        assertEquals(7, seen.size());
    }

    @Test
    void updatedSinceReturnsOnlyLaterChangesInChangeOrder() throws InterruptedException {
        String county = Fixtures.county();
        Fixtures.department(county);
        Thread.sleep(20);
        String since = ok(Tokens.admin(), "query($r: ID) { units(regionCode: $r) { edges { node { updatedAt } } } }", vars("r", county))
                .getString("data.units.edges[0].node.updatedAt");
        Thread.sleep(20);
        String later = Fixtures.department(county).id();
        JsonPath page = ok(Tokens.admin(), "query($r: ID, $s: DateTime) { units(regionCode: $r, updatedSince: $s) { totalCount edges { node { id } } } }",
                vars("r", county, "s", java.time.OffsetDateTime.parse(since).plusNanos(1000).toString()));
        assertEquals(List.of(later), page.getList("data.units.edges.node.id"));
    }

    @Test
    void malformedCursorIsBadUserInput() {
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), "{ units(after: \"garbage!\") { totalCount } }"));
    }

    @Test
    void pageSizeOutOfRangeIsBadUserInput() {
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), "{ units(first: 0) { totalCount } }"));
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), "{ units(first: 100000) { totalCount } }"));
    }

    @Test
    void personWithMalformedIdNumberIsRejected() {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), "mutation($i: PersonInput!) { createPerson(input: $i) { id } }",
                vars("i", Map.of("name", "张三", "unitId", unit.id(), "roles", List.of("SAFETY_MANAGER"), "idNumber", "12345"))));
        assertEquals(0, ok(Tokens.admin(), "query($u: ID) { persons(unitId: $u) { totalCount } }", vars("u", unit.id()))
                .getInt("data.persons.totalCount"));
    }

    @Test
    void personsFilterByRole() {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        String officer = Fixtures.person(unit, List.of("ENFORCEMENT_OFFICER"), null, null);
        Fixtures.person(unit, List.of("SAFETY_MANAGER"), null, null);
        JsonPath page = ok(Tokens.admin(), "query($u: ID) { persons(unitId: $u, role: ENFORCEMENT_OFFICER) { totalCount edges { node { id roles unit { id } } } } }",
                vars("u", unit.id()));
        assertEquals(List.of(officer), page.getList("data.persons.edges.node.id"));
        assertEquals(List.of("ENFORCEMENT_OFFICER"), page.getList("data.persons.edges[0].node.roles"));
        assertEquals(unit.id(), page.getString("data.persons.edges[0].node.unit.id"));
    }

    @Test
    void meIsTheTokensUnit() {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        assertEquals(unit.code(), ok(Tokens.token(unit.code(), "viewer"), "{ me { code } }").getString("data.me.code"));
        assertNull(ok(Tokens.admin(), "{ me { code } }").get("data.me"));
    }

    @Test
    void regionsListChildren() {
        String county = Fixtures.county();
        String town = Fixtures.town(county);
        JsonPath json = ok(Tokens.admin(), "query($p: ID) { regions(parentCode: $p) { code level parent { code } } }", vars("p", county));
        assertEquals(List.of(town), json.getList("data.regions.code"));
        assertEquals(county, json.getString("data.regions[0].parent.code"));
        assertFalse(ok(Tokens.admin(), "{ regions { code } }").getList("data.regions").isEmpty());
    }
}
