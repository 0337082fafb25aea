package cn.worksafety.exchange;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.hazard.HazardWorld;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class ExportTest {

    /** The export's lines, parsed; the last one is the cursor line. */
    static List<JsonPath> export(String token, String type) {
        Response response = given().header("Authorization", "Bearer " + token).when().get("/export/" + type + ".ndjson");
        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/x-ndjson"));
        List<JsonPath> lines = new ArrayList<>();
        for (String line : response.asString().split("\n")) {
            lines.add(new JsonPath(line));
        }
        return lines;
    }

    @Test
    void anExportStreamsTheRegionsRecordsMaskedAndEndsWithTheCursorTheFeedContinuesFrom() {
        ChangeFeedTest.Office ours = ChangeFeedTest.office();
        ChangeFeedTest.Office theirs = ChangeFeedTest.office();
        String person = Fixtures.person(ours.department(), List.of("SAFETY_MANAGER"), "110101199001011234", "13812345678");
        List<String> ids = ChangeFeedTest.list(ours);

        List<JsonPath> lines = export(ours.exchange(), "person");
        JsonPath last = lines.get(lines.size() - 1);
        assertEquals(lines.size() - 1, last.getInt("records"));
        String cursor = last.getString("endCursor");
        assertNotNull(cursor);
        JsonPath ourPerson = lines.stream().filter(l -> person.equals(l.getString("recordId"))).findFirst().orElseThrow();
        assertEquals("PERSON", ourPerson.getString("recordType"));
        assertEquals("1101**********1234", ourPerson.getString("record.idNumber"));
        assertEquals("138****5678", ourPerson.getString("record.phone"));
        assertEquals(ours.department().id(), ourPerson.getString("record.unitId"));
        assertEquals(List.of("SAFETY_MANAGER"), ourPerson.getList("record.roles"));

        // Items come with their assignments, as a consumer stores them.
        JsonPath item = export(ours.exchange(), "responsibility").stream().filter(l -> ids.get(1).equals(l.getString("recordId")))
                .findFirst().orElseThrow();
        assertEquals("LEAD", item.getString("record.assignments[0].role"));
        assertEquals(ours.department().id(), item.getString("record.assignments[0].unitId"));
        assertEquals("LONG_TERM", item.getString("record.deadlineKind"));

        // Another region's account gets none of ours.
        assertTrue(export(theirs.exchange(), "person").stream().noneMatch(l -> person.equals(l.getString("recordId"))));

        // Export + feed lose nothing: a change made after the export is in the feed from its cursor.
        String later = ok(Tokens.admin(), "mutation($i: PersonInput!) { createPerson(input: $i) { id } }", vars("i", Map.of(
                "name", "Later", "unitId", ours.department().id(), "roles", List.of("SAFETY_MANAGER"))))
                .getString("data.createPerson.id");
        assertEquals(1, ChangeFeedTest.pull(ours.exchange(), cursor, List.of("PERSON")).of("PERSON", later).size());
    }

    @Test
    void hazardsExportWithTheirExtensionsAndInterviewsNamesMaskedAndRiskPointsOfTheRegionOnly() {
        HazardWorld world = HazardWorld.create();
        String point = ok(HazardWorld.editor(world.enterprise()), "mutation($i: RiskPointInput!) { createRiskPoint(input: $i) { id } }",
                vars("i", Map.of("unitId", world.enterprise().id(), "name", "Tank farm", "level", "RED", "monitored", true)))
                .getString("data.createRiskPoint.id");
        String hazard = (String) world.report("SIGNIFICANT", "2026-03-02", "2026-03-20").get("id");
        ok(HazardWorld.editor(world.department()), "mutation($h: ID!, $i: InterviewInput!) { recordInterview(hazardId: $h, input: $i) { id } }",
                vars("h", hazard, "i", Map.of("heldOn", "2026-03-03", "heldBy", "区分管领导 王强", "interviewee", "法定代表人 张三")));
        String exchange = Tokens.token(world.office().code(), "exchange");

        JsonPath line = export(exchange, "hazard").stream().filter(l -> hazard.equals(l.getString("recordId"))).findFirst().orElseThrow();
        assertEquals("HAZARD", line.getString("recordType"));
        assertEquals("SIGNIFICANT", line.getString("record.grade"));
        assertEquals("2026-03-20", line.getString("record.dueOn"));
        assertEquals(world.department().id(), line.getString("record.supervisingUnitId"));
        assertEquals(List.of(), line.getList("record.extensions"));
        assertEquals("区*******", line.getString("record.interviews[0].heldBy"));
        assertEquals("法*******", line.getString("record.interviews[0].interviewee"));
        // The supervising department's own users see the names whole, as in hazard(id).
        JsonPath whole = export(HazardWorld.editor(world.department()), "hazard").stream()
                .filter(l -> hazard.equals(l.getString("recordId"))).findFirst().orElseThrow();
        assertEquals("法定代表人 张三", whole.getString("record.interviews[0].interviewee"));

        JsonPath risk = export(exchange, "risk-point").stream().filter(l -> point.equals(l.getString("recordId"))).findFirst()
                .orElseThrow();
        assertEquals("RED", risk.getString("record.level"));

        String foreign = Tokens.token(ChangeFeedTest.office().office().code(), "exchange");
        assertTrue(export(foreign, "hazard").stream().noneMatch(l -> hazard.equals(l.getString("recordId"))));
        assertTrue(export(foreign, "risk_point").stream().noneMatch(l -> point.equals(l.getString("recordId"))));
    }

    @Test
    void anUnknownTypeOrAMissingOrForgedTokenGetsAJsonErrorWithTheGraphQLCodes() {
        String code = Fixtures.unit(Fixtures.county(), "OTHER").code();
        given().header("Authorization", "Bearer " + Tokens.token(code, "exchange")).when().get("/export/hazards.ndjson")
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("NOT_FOUND"));
        given().when().get("/export/unit.ndjson").then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + Tokens.forged(code, "exchange")).when().get("/export/unit.ndjson")
                .then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + Tokens.token(code)).when().get("/export/unit.ndjson")
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("FORBIDDEN"));
    }
}
