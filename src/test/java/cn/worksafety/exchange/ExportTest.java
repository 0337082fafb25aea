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
