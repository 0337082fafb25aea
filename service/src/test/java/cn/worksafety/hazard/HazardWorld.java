package cn.worksafety.hazard;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.util.HashMap;
import java.util.Map;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * A county of its own for one test: an enterprise in a town, its supervising department, the park
 * command, the emergency management bureau and the committee office, designated for the county.
 * Public: the change-feed tests (cn.worksafety.exchange) use it too.
 */
public record HazardWorld(String county, String town, Fixtures.Unit enterprise, Fixtures.Unit department, Fixtures.Unit park,
        Fixtures.Unit bureau, Fixtures.Unit office) {

    public static final String REPORT = "mutation($i: HazardInput!) { reportHazard(input: $i) { id version status grade dueOn listedSupervision overdue } }";
    public static final String HAZARD = "query($id: ID!) { hazard(id: $id) { id version status grade dueOn listedSupervision rectifiedOn verifiedOn "
            + "plan { responsibility timeLimit } extensions { id status parkApproved departmentApproved filedOn requestedDueOn } "
            + "interviews { heldOn heldBy interviewee } } }";
    static final String DESIGNATE = "mutation($r: ID!, $role: DesignationRole!, $u: ID!) { designateUnit(regionCode: $r, role: $role, unitId: $u) { role unit { id } region { code } } }";

    public static HazardWorld create() {
        String county = Fixtures.county();
        String town = Fixtures.town(county);
        HazardWorld world = new HazardWorld(county, town, Fixtures.unit(town, "ENTERPRISE"), Fixtures.department(county),
                Fixtures.unit(county, "PARK"), Fixtures.department(county), Fixtures.unit(county, "OTHER"));
        world.designate("PARK_COMMAND", world.park);
        world.designate("EMERGENCY_BUREAU", world.bureau);
        world.designate("COMMITTEE_OFFICE", world.office);
        return world;
    }

    void designate(String role, Fixtures.Unit unit) {
        ok(Tokens.admin(), DESIGNATE, vars("r", county, "role", role, "u", unit.id()));
    }

    public static String editor(Fixtures.Unit unit) {
        return Tokens.token(unit.code(), "unit-editor");
    }

    public Map<String, Object> input(String grade, String foundOn, String dueOn) {
        Map<String, Object> input = new HashMap<>();
        input.put("unitId", enterprise.id());
        input.put("supervisingUnitId", department.id());
        input.put("grade", grade);
        input.put("source", "INSPECTION");
        input.put("description", "Example hazard " + Fixtures.unique("H"));
        input.put("foundOn", foundOn);
        input.put("dueOn", dueOn);
        return input;
    }

    /** Reports a hazard as the supervising department's inspector; returns reportHazard's JSON object. */
    public Map<String, Object> report(String grade, String foundOn, String dueOn) {
        return report(input(grade, foundOn, dueOn));
    }

    public Map<String, Object> report(Map<String, Object> input) {
        return ok(editor(department), REPORT, vars("i", input)).getMap("data.reportHazard");
    }

    public static Map<String, Object> plan(String timeLimit) {
        return Map.of("responsibility", "Plant manager", "measures", "Replace the corroded pipeline", "funds", "200,000 yuan",
                "timeLimit", timeLimit, "contingency", "Leak response plan");
    }

    public static JsonPath hazard(String id) {
        return ok(Tokens.admin(), HAZARD, vars("id", id));
    }
}
