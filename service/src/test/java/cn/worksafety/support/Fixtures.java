package cn.worksafety.support;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data made through the API with an admin token: each call makes records with unique
 * codes, so tests never depend on each other or on their order.
 */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** A county with its own code, below a fresh city: a region tree of its own. */
    public static String county() {
        String city = unique("C");
        ok(Tokens.admin(), "mutation($i: RegionInput!) { createRegion(input: $i) { code } }",
                vars("i", java.util.Map.of("code", city, "name", "City " + city, "level", "CITY")));
        String county = unique("K");
        ok(Tokens.admin(), "mutation($i: RegionInput!) { createRegion(input: $i) { code } }",
                vars("i", java.util.Map.of("code", county, "name", "County " + county, "level", "COUNTY", "parentCode", city)));
        return county;
    }

    public static String town(String county) {
        String town = unique("T");
        ok(Tokens.admin(), "mutation($i: RegionInput!) { createRegion(input: $i) { code } }",
                vars("i", java.util.Map.of("code", town, "name", "Town " + town, "level", "TOWN", "parentCode", county)));
        return town;
    }

    /** A unit in the region; returns {id, code}. */
    public static Unit unit(String regionCode, String kind) {
        String code = unique("U");
        String id = ok(Tokens.admin(), "mutation($i: UnitInput!) { createUnit(input: $i) { id } }",
                vars("i", java.util.Map.of("code", code, "name", "Unit " + code, "kind", kind, "regionCode", regionCode)))
                .getString("data.createUnit.id");
        return new Unit(id, code, regionCode);
    }

    public static Unit department(String regionCode) {
        return unit(regionCode, "DEPARTMENT");
    }

    public static String person(Unit unit, List<String> roles, String idNumber, String phone) {
        var input = new java.util.HashMap<String, Object>();
        input.put("name", "Person " + unique("P"));
        input.put("unitId", unit.id());
        input.put("roles", roles);
        input.put("idNumber", idNumber);
        input.put("phone", phone);
        return ok(Tokens.admin(), "mutation($i: PersonInput!) { createPerson(input: $i) { id } }", vars("i", input))
                .getString("data.createPerson.id");
    }

    public record Unit(String id, String code, String regionCode) {
    }
}
