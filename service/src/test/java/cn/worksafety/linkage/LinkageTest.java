package cn.worksafety.linkage;

import static cn.worksafety.linkage.LinkageWorld.CREATE;
import static cn.worksafety.linkage.LinkageWorld.RECORD;
import static cn.worksafety.linkage.LinkageWorld.activation;
import static cn.worksafety.linkage.LinkageWorld.input;
import static cn.worksafety.linkage.LinkageWorld.participant;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class LinkageTest {

    private static final String MECHANISM = "query($id: ID!) { linkageMechanism(id: $id) { id version name kind scope triggers "
            + "active retiredOn leadUnit { id code } participants { duty unit { id code } } "
            + "activations { id kind startedAt endedAt summary drewInNonParticipants units { id } nonParticipantUnits { id } recordedBy { id } } } }";
    private static final String UPDATE = "mutation($id: ID!, $v: Int!, $i: LinkageMechanismInput!) { "
            + "updateLinkageMechanism(id: $id, version: $v, input: $i) { id version participants { duty unit { id } } } }";
    private static final String RETIRE = "mutation($id: ID!, $v: Int!, $on: Date) { retireLinkageMechanism(id: $id, version: $v, retiredOn: $on) { id version active retiredOn } }";
    private static final String MINE = "{ linkageMechanisms { id } }";

    // ---------- creation and validation ----------

    @Test
    void coordinatorCreatesMechanismThatReadsBackWithLeadParticipantsDutiesAndTriggersAndIsAudited() {
        LinkageWorld w = LinkageWorld.create();
        Map<String, Object> input = input("化工園區自然災害綜合減災聯動機制", "DISASTER_PREVENTION", w.lead().id(),
                List.of(participant(w.first(), "及時發出預警"), participant(w.second(), null)), List.of("雷電", " 洪水 ", "雷電", "泥石流", "滑坡"));
        input.put("description", "(四)建立健全化工園區自然災害綜合減災聯動機制。");
        JsonPath created = ok(w.coordinator(), CREATE, vars("i", input));
        String id = created.getString("data.createLinkageMechanism.id");
        assertEquals(0, created.getInt("data.createLinkageMechanism.version"));

        JsonPath read = ok(w.coordinator(), MECHANISM, vars("id", id));
        assertEquals("化工園區自然災害綜合減災聯動機制", read.getString("data.linkageMechanism.name"));
        assertEquals("DISASTER_PREVENTION", read.getString("data.linkageMechanism.kind"));
        assertEquals("唐興化工園區", read.getString("data.linkageMechanism.scope"));
        assertEquals(List.of("雷電", "洪水", "泥石流", "滑坡"), read.getList("data.linkageMechanism.triggers"));
        assertTrue(read.getBoolean("data.linkageMechanism.active"));
        assertEquals(w.lead().code(), read.getString("data.linkageMechanism.leadUnit.code"));
        assertEquals(List.of(w.first().code(), w.second().code()), read.getList("data.linkageMechanism.participants.unit.code"));
        assertEquals("及時發出預警", read.getString("data.linkageMechanism.participants[0].duty"));
        assertNull(read.getString("data.linkageMechanism.participants[1].duty"));
        assertEquals(List.of(), read.getList("data.linkageMechanism.activations"));

        List<Map<String, Object>> audit = audit(id, "LinkageMechanism");
        assertEquals(1, audit.size());
        assertEquals("createLinkageMechanism", audit.get(0).get("operation"));
        assertEquals(w.office().code(), audit.get(0).get("unitCode"));
        assertTrue(audit.get(0).get("after").toString().contains("及時發出預警"));
    }

    @Test
    void mechanismWithoutALeadUnitIsBadUserInputAndWritesNothing() {
        LinkageWorld w = LinkageWorld.create();
        Map<String, Object> missing = input("無牽頭單位", "COORDINATED_ENFORCEMENT", null, List.of(participant(w.first(), null)), null);
        missing.remove("leadUnitId");
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), CREATE, vars("i", missing)));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(),
                "mutation { createLinkageMechanism(input: {name: \"無牽頭單位\", kind: OTHER, participants: [{unitId: \"" + w.first().id()
                        + "\"}]}) { id } }"));
        for (String lead : new String[] { "", "  ", "not-an-id", "987654321" }) {
            Map<String, Object> bad = input("無牽頭單位", "COORDINATED_ENFORCEMENT", lead, List.of(participant(w.first(), null)), null);
            assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), CREATE, vars("i", bad)), "lead " + lead);
        }
        assertEquals(List.of(), ok(w.coordinator(), MINE).getList("data.linkageMechanisms"));
    }

    @Test
    void inconsistentMechanismsAreBadUserInputWithAMessageAndWriteNothing() {
        LinkageWorld w = LinkageWorld.create();
        List<Map<String, Object>> cases = List.of(
                input("  ", "OTHER", w.lead().id(), List.of(participant(w.first(), null)), null),
                input("無參與單位", "OTHER", w.lead().id(), List.of(), null),
                input("牽頭兼參與", "OTHER", w.lead().id(), List.of(participant(w.lead(), "牽頭")), null),
                input("重複參與", "OTHER", w.lead().id(), List.of(participant(w.first(), "a"), participant(w.first(), "b")), null),
                input("空觸發", "OTHER", w.lead().id(), List.of(participant(w.first(), null)), List.of("雷電", " ")),
                input("過長", "OTHER", w.lead().id(), List.of(participant(w.first(), "職".repeat(1001))), null));
        for (Map<String, Object> bad : cases) {
            JsonPath json = GraphQL.post(w.coordinator(), CREATE, vars("i", bad)).extract().jsonPath();
            assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"), bad.get("name").toString());
            assertFalse(json.getString("errors[0].message").isBlank());
        }
        assertEquals(List.of(), ok(w.coordinator(), MINE).getList("data.linkageMechanisms"));
    }

    @Test
    void activationThatEndsBeforeItStartsIsBadUserInputAndWritesNothing() {
        LinkageWorld w = LinkageWorld.create();
        String id = w.mechanism("協同執法", "COORDINATED_ENFORCEMENT");
        JsonPath json = GraphQL.post(w.coordinator(), RECORD, vars("i",
                activation(id, "JOINT_ENFORCEMENT", "2025-05-10T09:00:00+08:00", "2025-05-10T08:59:59+08:00", w.lead(), w.first())))
                .extract().jsonPath();
        assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"));
        assertTrue(json.getString("errors[0].message").contains("endedAt"), json.getString("errors[0].message"));

        // Other activations that did not happen as described are refused the same way.
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), RECORD, vars("i",
                activation(id, "DRILL", "2099-01-01T09:00:00+08:00", null, w.lead()))));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), RECORD, vars("i",
                activation(id, "DRILL", "2025-05-10T09:00:00+08:00", null))));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), RECORD, vars("i",
                activation(id, "DRILL", "2025-05-10T09:00:00+08:00", null, new Fixtures.Unit("987654321", "X", w.county())))));

        assertEquals(List.of(), ok(w.coordinator(), MECHANISM, vars("id", id)).getList("data.linkageMechanism.activations"));
        assertEquals(0, ok(w.coordinator(), "query($m: ID) { linkageActivations(mechanismId: $m) { totalCount } }", vars("m", id))
                .getInt("data.linkageActivations.totalCount"));

        // Ending exactly when it starts is fine.
        assertFalse(ok(w.coordinator(), RECORD, vars("i", activation(id, "DRILL", "2025-05-10T09:00:00+08:00",
                "2025-05-10T09:00:00+08:00", w.lead()))).getString("data.recordActivation.id").isBlank());
    }

    // ---------- permissions and scope ----------

    @Test
    void onlyCoordinatorsOfTheLeadUnitsRegionMaintainMechanisms() {
        LinkageWorld w = LinkageWorld.create();
        Map<String, Object> input = input("行業監管", "INDUSTRY_SUPERVISION", w.lead().id(), List.of(participant(w.first(), null)), null);
        assertEquals("FORBIDDEN", errorCode(Tokens.token(w.office().code(), "viewer"), CREATE, vars("i", input)));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(w.lead().code(), "unit-editor"), CREATE, vars("i", input)));
        assertEquals("UNAUTHENTICATED", errorCode(null, CREATE, vars("i", input)));
        LinkageWorld elsewhere = LinkageWorld.create();
        assertEquals("BAD_USER_INPUT", errorCode(elsewhere.coordinator(), CREATE, vars("i", input)));
        assertEquals(List.of(), ok(w.coordinator(), MINE).getList("data.linkageMechanisms"));

        String id = ok(Tokens.admin(), CREATE, vars("i", input)).getString("data.createLinkageMechanism.id");
        Map<String, Object> update = input("行業監管(修訂)", "INDUSTRY_SUPERVISION", w.lead().id(), List.of(participant(w.second(), null)), null);
        assertEquals("FORBIDDEN", errorCode(Tokens.token(w.lead().code(), "unit-editor"), UPDATE, vars("id", id, "v", 0, "i", update)));
        assertEquals("NOT_FOUND", errorCode(elsewhere.coordinator(), UPDATE, vars("id", id, "v", 0, "i", update)));
        assertEquals("NOT_FOUND", errorCode(elsewhere.coordinator(), RETIRE, vars("id", id, "v", 0)));
        assertEquals(1, ok(w.coordinator(), UPDATE, vars("id", id, "v", 0, "i", update)).getInt("data.updateLinkageMechanism.version"));
    }

    @Test
    void participatingUnitEditorsRecordActivationsOthersMayNot() {
        LinkageWorld w = LinkageWorld.create();
        String id = w.mechanism("應急救援", "EMERGENCY_RESCUE");
        Map<String, Object> drill = activation(id, "DRILL", "2025-06-01T09:00:00+08:00", "2025-06-01T11:00:00+08:00", w.lead(), w.first());

        String byParticipant = ok(Tokens.token(w.first().code(), "unit-editor"), RECORD, vars("i", drill)).getString("data.recordActivation.id");
        ok(Tokens.token(w.lead().code(), "unit-editor"), RECORD, vars("i", drill));
        ok(w.coordinator(), RECORD, vars("i", drill));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(w.outsider().code(), "unit-editor"), RECORD, vars("i", drill)));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(w.first().code(), "viewer"), RECORD, vars("i", drill)));
        LinkageWorld elsewhere = LinkageWorld.create();
        assertEquals("NOT_FOUND", errorCode(Tokens.token(elsewhere.lead().code(), "unit-editor"), RECORD, vars("i", drill)));
        assertEquals("NOT_FOUND", errorCode(elsewhere.coordinator(), RECORD, vars("i", drill)));

        JsonPath read = ok(w.coordinator(), MECHANISM, vars("id", id));
        assertEquals(3, read.getList("data.linkageMechanism.activations").size());
        assertEquals(w.first().id(), read.getString("data.linkageMechanism.activations.find { it.id == '" + byParticipant + "' }.recordedBy.id"));
        List<Map<String, Object>> audit = audit(byParticipant, "LinkageActivation");
        assertEquals("recordActivation", audit.get(0).get("operation"));
        assertEquals(w.first().code(), audit.get(0).get("unitCode"));
    }

    @Test
    void readsAreScopedToTheLeadUnitsRegion() {
        LinkageWorld w = LinkageWorld.create();
        String id = w.mechanism("協同執法", "COORDINATED_ENFORCEMENT");
        w.activate(id, "JOINT_ENFORCEMENT", "2025-03-01T09:00:00+08:00", w.lead(), w.first());
        LinkageWorld elsewhere = LinkageWorld.create();
        String viewerElsewhere = Tokens.token(elsewhere.office().code(), "viewer");
        assertEquals("NOT_FOUND", errorCode(viewerElsewhere, MECHANISM, vars("id", id)));
        assertEquals(List.of(), ok(viewerElsewhere, MINE).getList("data.linkageMechanisms"));
        assertEquals(0, ok(viewerElsewhere, "{ linkageActivations { totalCount } }").getInt("data.linkageActivations.totalCount"));

        String viewerHere = Tokens.token(w.second().code(), "viewer");
        assertEquals(List.of(id), ok(viewerHere, MINE).getList("data.linkageMechanisms.id"));
        assertEquals(1, ok(viewerHere, "{ linkageActivations { totalCount } }").getInt("data.linkageActivations.totalCount"));
        assertEquals("NOT_FOUND", errorCode(Tokens.admin(), "{ linkageMechanism(id: \"987654321\") { id } }"));
    }

    @Test
    void participatingTownReadsTheCountyMechanismAndItsEditorRecordsAnActivation() {
        LinkageWorld w = LinkageWorld.create();
        Fixtures.Unit town = Fixtures.unit(Fixtures.town(w.county()), "TOWN");
        Fixtures.Unit neighbourInTown = Fixtures.unit(town.regionCode(), "ENTERPRISE");
        String id = LinkageWorld.mechanism(w.coordinator(), "應急救援", "EMERGENCY_RESCUE", w.lead(), w.first(), town);

        // The town's editor reads the mechanism although its lead is above the town, and records a drill.
        String editor = Tokens.token(town.code(), "unit-editor");
        JsonPath read = ok(editor, MECHANISM, vars("id", id));
        assertEquals(w.lead().code(), read.getString("data.linkageMechanism.leadUnit.code"));
        assertEquals(List.of(w.first().code(), town.code()), read.getList("data.linkageMechanism.participants.unit.code"));
        String drill = ok(editor, "mutation($i: LinkageActivationInput!) { recordActivation(input: $i) { id "
                + "drewInNonParticipants recordedBy { id } units { id } } }",
                vars("i", activation(id, "DRILL", "2025-06-01T09:00:00+08:00", null, w.lead(), town)))
                .getString("data.recordActivation.id");
        JsonPath activations = ok(editor, MECHANISM, vars("id", id));
        assertEquals(List.of(drill), activations.getList("data.linkageMechanism.activations.id"));
        assertEquals(town.id(), activations.getString("data.linkageMechanism.activations[0].recordedBy.id"));
        assertEquals(false, activations.getBoolean("data.linkageMechanism.activations[0].drewInNonParticipants"));
        assertEquals(List.of(drill), ok(editor, "{ linkageActivations { edges { node { id mechanism { id } } } } }")
                .getList("data.linkageActivations.edges.node.id"));

        // The town's viewer finds it by its own unit, as a participant and not as the lead.
        String viewer = Tokens.token(town.code(), "viewer");
        String q = "query($u: ID, $r: LinkageRole) { linkageMechanisms(unitId: $u, role: $r) { id } }";
        assertEquals(List.of(id), ok(viewer, q, vars("u", town.id())).getList("data.linkageMechanisms.id"));
        assertEquals(List.of(id), ok(viewer, q, vars("u", town.id(), "r", "PARTICIPANT")).getList("data.linkageMechanisms.id"));
        assertEquals(List.of(), ok(viewer, q, vars("u", town.id(), "r", "LEAD")).getList("data.linkageMechanisms"));
        assertEquals(List.of(id), ok(viewer, MINE).getList("data.linkageMechanisms.id"));

        // Reading it does not make the town a maintainer: the county's office still is.
        String townCoordinator = Tokens.token(town.code(), "coordinator");
        Map<String, Object> update = input("應急救援", "EMERGENCY_RESCUE", w.lead().id(), List.of(participant(town, null)), null);
        assertEquals("FORBIDDEN", errorCode(townCoordinator, UPDATE, vars("id", id, "v", 0, "i", update)));
        assertEquals("FORBIDDEN", errorCode(townCoordinator, RETIRE, vars("id", id, "v", 0)));

        // Another unit of the same town does not take part: no trace of the mechanism.
        String notTakingPart = Tokens.token(neighbourInTown.code(), "unit-editor");
        assertEquals("NOT_FOUND", errorCode(notTakingPart, MECHANISM, vars("id", id)));
        assertEquals("NOT_FOUND", errorCode(notTakingPart, RECORD, vars("i", activation(id, "DRILL", "2025-06-02T09:00:00+08:00",
                null, neighbourInTown))));
        assertEquals(List.of(), ok(notTakingPart, MINE).getList("data.linkageMechanisms"));
        assertEquals(0, ok(notTakingPart, "{ linkageActivations { totalCount } }").getInt("data.linkageActivations.totalCount"));
        assertEquals(1, ok(w.coordinator(), MECHANISM, vars("id", id)).getList("data.linkageMechanism.activations").size());
    }

    @Test
    void participantInAnotherRegionReadsTheMechanismAndANonParticipantThereGetsNotFound() {
        LinkageWorld w = LinkageWorld.create();
        LinkageWorld elsewhere = LinkageWorld.create();
        // A mechanism across two region trees can only be set up by an admin.
        String id = LinkageWorld.mechanism(Tokens.admin(), "跨區聯動", "COORDINATED_ENFORCEMENT", w.lead(), w.first(), elsewhere.lead());

        String participant = Tokens.token(elsewhere.lead().code(), "unit-editor");
        assertEquals(id, ok(participant, MECHANISM, vars("id", id)).getString("data.linkageMechanism.id"));
        // The lead of the mechanism may be named although it lies in neither the caller's region nor above it.
        String joint = LinkageWorld.activate(participant, id, "JOINT_ENFORCEMENT", "2025-05-05T09:00:00+08:00", elsewhere.lead(), w.lead());
        assertEquals(List.of(joint), ok(participant, "query($m: ID) { linkageActivations(mechanismId: $m) { edges { node { id } } } }",
                vars("m", id)).getList("data.linkageActivations.edges.node.id"));
        assertEquals(List.of(id), ok(Tokens.token(elsewhere.lead().code(), "viewer"),
                "query($u: ID) { linkageMechanisms(unitId: $u) { id } }", vars("u", elsewhere.lead().id())).getList("data.linkageMechanisms.id"));

        // Its region's office and other units there do not take part.
        for (String stranger : List.of(elsewhere.coordinator(), Tokens.token(elsewhere.first().code(), "unit-editor"),
                Tokens.token(elsewhere.first().code(), "viewer"))) {
            assertEquals("NOT_FOUND", errorCode(stranger, MECHANISM, vars("id", id)));
            assertEquals(List.of(), ok(stranger, "query($u: ID) { linkageMechanisms(unitId: $u) { id } }",
                    vars("u", elsewhere.lead().id())).getList("data.linkageMechanisms"));
            assertEquals(0, ok(stranger, "{ linkageActivations { totalCount } }").getInt("data.linkageActivations.totalCount"));
        }
        for (String stranger : List.of(elsewhere.coordinator(), Tokens.token(elsewhere.first().code(), "unit-editor"))) {
            assertEquals("NOT_FOUND", errorCode(stranger, RECORD, vars("i", activation(id, "DRILL", "2025-05-06T09:00:00+08:00",
                    null, elsewhere.first()))));
        }
        assertEquals(1, ok(Tokens.admin(), MECHANISM, vars("id", id)).getList("data.linkageMechanism.activations").size());
    }

    // ---------- activations ----------

    @Test
    void unitThatIsNotAParticipantMayJoinAnActivationAndTheApiShowsIt() {
        LinkageWorld w = LinkageWorld.create();
        String id = w.mechanism("應急救援", "EMERGENCY_RESCUE");
        String inside = w.activate(id, "DRILL", "2025-04-01T09:00:00+08:00", w.lead(), w.first());
        String drawnIn = ok(w.coordinator(), "mutation($i: LinkageActivationInput!) { recordActivation(input: $i) { id "
                + "drewInNonParticipants units { code } nonParticipantUnits { code } mechanism { id } } }",
                vars("i", activation(id, "EMERGENCY_RESPONSE", "2025-07-20T03:10:00+08:00", "2025-07-20T18:00:00+08:00",
                        w.lead(), w.outsider(), w.second(), w.outsider())))
                .getString("data.recordActivation.id");

        JsonPath read = ok(w.coordinator(), MECHANISM, vars("id", id));
        List<Map<String, Object>> activations = read.getList("data.linkageMechanism.activations");
        assertEquals(List.of(inside, drawnIn), activations.stream().map(a -> a.get("id")).toList());
        assertEquals(false, activations.get(0).get("drewInNonParticipants"));
        assertEquals(List.of(), activations.get(0).get("nonParticipantUnits"));
        assertEquals(true, activations.get(1).get("drewInNonParticipants"));
        assertEquals(List.of(Map.of("id", w.lead().id()), Map.of("id", w.outsider().id()), Map.of("id", w.second().id())),
                activations.get(1).get("units"));
        assertEquals(List.of(Map.of("id", w.outsider().id())), activations.get(1).get("nonParticipantUnits"));
        assertEquals("2025-07-19T19:10:00Z", activations.get(1).get("startedAt"));
    }

    @Test
    void activationDrawsInUnitsOfTheCallersRegionOrAboveItForTheOfficeButEditorsNameOnlyTheMechanismsUnits() {
        String city = region("CITY", null);
        LinkageWorld w = LinkageWorld.in(region("COUNTY", city));
        String neighbour = region("COUNTY", city);
        Fixtures.Unit cityRescue = Fixtures.unit(city, "RESCUE_TEAM");
        Fixtures.Unit neighbourMember = Fixtures.department(neighbour);
        Fixtures.Unit neighbourOther = Fixtures.unit(neighbour, "RESCUE_TEAM");
        String townRegion = Fixtures.town(w.county());
        Fixtures.Unit town = Fixtures.unit(townRegion, "TOWN");
        Fixtures.Unit townEnterprise = Fixtures.unit(townRegion, "ENTERPRISE");
        Fixtures.Unit unrelated = LinkageWorld.create().lead();
        String cityCoordinator = Tokens.token(Fixtures.unit(city, "OTHER").code(), "coordinator");
        String id = LinkageWorld.mechanism(cityCoordinator, "應急救援", "EMERGENCY_RESCUE", w.lead(), w.first(), town, neighbourMember);
        String units = "mutation($i: LinkageActivationInput!) { recordActivation(input: $i) { id drewInNonParticipants "
                + "nonParticipantUnits { id } } }";

        // The county's office: its own region, the city above it, and the neighbouring county's participant.
        JsonPath byCounty = ok(w.coordinator(), units, vars("i", activation(id, "EMERGENCY_RESPONSE", "2025-07-20T03:00:00+08:00",
                null, w.lead(), cityRescue, w.outsider(), neighbourMember)));
        assertTrue(byCounty.getBoolean("data.recordActivation.drewInNonParticipants"));
        assertEquals(List.of(cityRescue.id(), w.outsider().id()), byCounty.getList("data.recordActivation.nonParticipantUnits.id"));

        // The participating town's editor names the mechanism's units only: its own town, the lead, the other participants.
        String townEditor = Tokens.token(town.code(), "unit-editor");
        JsonPath byTown = ok(townEditor, units, vars("i", activation(id, "EMERGENCY_RESPONSE", "2025-07-21T03:00:00+08:00", null,
                town, w.lead(), neighbourMember)));
        assertEquals(List.of(), byTown.getList("data.recordActivation.nonParticipantUnits.id"));

        // Drawing in others is the committee office's: the editor gets FORBIDDEN for any other unit, above it, beside it,
        // elsewhere or unknown, with one message naming the field; a neighbouring county's unit that does not take part, a
        // unit of an unrelated region and an unknown id are BAD_USER_INPUT for the county's office. Nothing is written.
        Fixtures.Unit unknown = new Fixtures.Unit("987654321", "X", w.county());
        List<String> editorMessages = new ArrayList<>();
        for (Fixtures.Unit refused : List.of(cityRescue, w.outsider(), townEnterprise, neighbourOther, unrelated, unknown)) {
            JsonPath json = GraphQL.post(townEditor, RECORD, vars("i", activation(id, "DRILL", "2025-07-22T09:00:00+08:00", null,
                    town, refused))).extract().jsonPath();
            assertEquals("FORBIDDEN", json.getString("errors[0].extensions.code"), refused.code());
            assertTrue(json.getString("errors[0].message").contains("'unitIds'"), json.getString("errors[0].message"));
            editorMessages.add(json.getString("errors[0].message").replace(refused.id(), "#"));
        }
        assertEquals(1, editorMessages.stream().distinct().count(), editorMessages.toString());
        List<String> messages = new ArrayList<>();
        for (Fixtures.Unit refused : List.of(neighbourOther, unrelated, unknown)) {
            JsonPath json = GraphQL.post(w.coordinator(), RECORD, vars("i", activation(id, "DRILL", "2025-07-22T09:00:00+08:00",
                    null, w.lead(), refused))).extract().jsonPath();
            assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"), refused.code());
            assertTrue(json.getString("errors[0].message").contains("'unitIds'"), json.getString("errors[0].message"));
            messages.add(json.getString("errors[0].message").replace(refused.id(), "#"));
        }
        assertEquals(1, messages.stream().distinct().count(), messages.toString());
        // The city's office reads the whole city, the neighbouring county included.
        LinkageWorld.activate(cityCoordinator, id, "DRILL", "2025-07-23T09:00:00+08:00", w.lead(), neighbourOther);
        assertEquals(3, ok(w.coordinator(), MECHANISM, vars("id", id)).getList("data.linkageMechanism.activations").size());
    }

    @Test
    void activationsAreFilteredByPeriodAndUnitNestedAndAtTheRoot() {
        LinkageWorld w = LinkageWorld.create();
        String id = w.mechanism("協同執法", "COORDINATED_ENFORCEMENT");
        // 2025-03-31T23:30+08:00 is still Q1 in the service's zone although it is 15:30Z.
        String q1 = w.activate(id, "JOINT_ENFORCEMENT", "2025-03-31T23:30:00+08:00", w.lead(), w.first());
        String q2 = w.activate(id, "DRILL", "2025-04-01T00:30:00+08:00", w.lead(), w.second());
        String q3 = w.activate(id, "JOINT_ENFORCEMENT", "2025-08-15T10:00:00+08:00", w.lead(), w.first(), w.outsider());

        JsonPath nested = ok(w.coordinator(), "query($id: ID!) { linkageMechanism(id: $id) { "
                + "activations(period: \"2025-Q1\") { id } } }", vars("id", id));
        assertEquals(List.of(q1), nested.getList("data.linkageMechanism.activations.id"));
        assertEquals(List.of(q1, q3), ok(w.coordinator(), "query($id: ID!, $u: ID) { linkageMechanism(id: $id) { activations(unitId: $u) { id } } }",
                vars("id", id, "u", w.first().id())).getList("data.linkageMechanism.activations.id"));
        assertEquals(List.of(q2, q3), ok(w.coordinator(), "query($id: ID!) { linkageMechanism(id: $id) { activations(from: \"2025-04-01\", to: \"2025-12-31\") { id } } }",
                vars("id", id)).getList("data.linkageMechanism.activations.id"));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), "query($id: ID!) { linkageMechanism(id: $id) { activations(period: \"2025-Q5\") { id } } }",
                vars("id", id)));

        String page = "query($u: ID, $after: String) { linkageActivations(first: 1, after: $after, unitId: $u, period: \"2025\") { "
                + "totalCount pageInfo { hasNextPage endCursor } edges { node { id mechanism { id } } } } }";
        JsonPath first = ok(w.coordinator(), page, vars("u", w.first().id()));
        assertEquals(2, first.getInt("data.linkageActivations.totalCount"));
        assertEquals(List.of(q1), first.getList("data.linkageActivations.edges.node.id"));
        assertEquals(id, first.getString("data.linkageActivations.edges[0].node.mechanism.id"));
        assertTrue(first.getBoolean("data.linkageActivations.pageInfo.hasNextPage"));
        JsonPath second = ok(w.coordinator(), page, vars("u", w.first().id(), "after", first.getString("data.linkageActivations.pageInfo.endCursor")));
        assertEquals(List.of(q3), second.getList("data.linkageActivations.edges.node.id"));
        assertFalse(second.getBoolean("data.linkageActivations.pageInfo.hasNextPage"));
        assertEquals(List.of(q3), ok(w.coordinator(), "query($u: ID) { linkageActivations(unitId: $u) { edges { node { id } } } }",
                vars("u", w.outsider().id())).getList("data.linkageActivations.edges.node.id"));
    }

    // ---------- maintenance ----------

    @Test
    void updateReplacesParticipantsAndDutiesAndRefusesAStaleVersion() {
        LinkageWorld w = LinkageWorld.create();
        String id = w.mechanism("行業監管", "INDUSTRY_SUPERVISION");
        Map<String, Object> input = input("行業監管", "INDUSTRY_SUPERVISION", w.lead().id(),
                List.of(participant(w.second(), "履行行業監管職責"), participant(w.first(), "配合執法"), participant(w.outsider(), "消防監督")),
                List.of("雷電"));
        JsonPath updated = ok(w.coordinator(), UPDATE, vars("id", id, "v", 0, "i", input));
        assertEquals(1, updated.getInt("data.updateLinkageMechanism.version"));
        assertEquals(List.of(w.second().id(), w.first().id(), w.outsider().id()),
                updated.getList("data.updateLinkageMechanism.participants.unit.id"));
        assertEquals("配合執法", updated.getString("data.updateLinkageMechanism.participants[1].duty"));

        assertEquals("CONFLICT", errorCode(w.coordinator(), UPDATE, vars("id", id, "v", 0, "i", input)));
        // Only a duty changes: still a new version.
        input.put("participants", List.of(participant(w.second(), "履行行業監管職責"), participant(w.first(), "牽頭配合聯合執法")));
        assertEquals(2, ok(w.coordinator(), UPDATE, vars("id", id, "v", 1, "i", input)).getInt("data.updateLinkageMechanism.version"));

        JsonPath read = ok(w.coordinator(), MECHANISM, vars("id", id));
        assertEquals(List.of("履行行業監管職責", "牽頭配合聯合執法"), read.getList("data.linkageMechanism.participants.duty"));
        assertEquals(List.of("雷電"), read.getList("data.linkageMechanism.triggers"));

        List<Map<String, Object>> audit = audit(id, "LinkageMechanism");
        assertEquals(List.of("createLinkageMechanism", "updateLinkageMechanism", "updateLinkageMechanism"),
                audit.stream().map(a -> a.get("operation")).toList());
        assertTrue(audit.get(2).get("before").toString().contains("配合執法"));
        assertTrue(audit.get(2).get("after").toString().contains("牽頭配合聯合執法"));
    }

    @Test
    void retiredMechanismIsListedOnlyOnRequestAndTakesNoLaterActivations() {
        LinkageWorld w = LinkageWorld.create();
        String id = w.mechanism("舊機制", "OTHER");
        String kept = w.mechanism("現行機制", "OTHER");
        w.activate(id, "DRILL", "2025-02-01T09:00:00+08:00", w.lead());
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), RETIRE, vars("id", id, "v", 0, "on", "2025-01-31")));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), RETIRE, vars("id", id, "v", 0, "on", "2099-01-01")));
        assertEquals("CONFLICT", errorCode(w.coordinator(), RETIRE, vars("id", id, "v", 7, "on", "2025-03-01")));
        JsonPath retired = ok(w.coordinator(), RETIRE, vars("id", id, "v", 0, "on", "2025-03-01"));
        assertFalse(retired.getBoolean("data.retireLinkageMechanism.active"));
        assertEquals("2025-03-01", retired.getString("data.retireLinkageMechanism.retiredOn"));
        assertEquals("CONFLICT", errorCode(w.coordinator(), RETIRE, vars("id", id, "v", 1)));

        assertEquals(List.of(kept), ok(w.coordinator(), MINE).getList("data.linkageMechanisms.id"));
        assertEquals(List.of(id, kept), ok(w.coordinator(), "{ linkageMechanisms(includeRetired: true) { id } }").getList("data.linkageMechanisms.id"));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), RECORD, vars("i", activation(id, "DRILL", "2025-03-02T09:00:00+08:00", null, w.lead()))));
        ok(w.coordinator(), RECORD, vars("i", activation(id, "DRILL", "2025-03-01T20:00:00+08:00", null, w.lead())));
        Map<String, Object> update = input("舊機制", "OTHER", w.lead().id(), List.of(participant(w.first(), null)), null);
        assertEquals("CONFLICT", errorCode(w.coordinator(), UPDATE, vars("id", id, "v", 1, "i", update)));
        assertEquals(List.of("createLinkageMechanism", "retireLinkageMechanism"),
                audit(id, "LinkageMechanism").stream().map(a -> a.get("operation")).toList());
    }

    // ---------- the office's three questions, one query each ----------

    @Test
    void whichMechanismsDoesAUnitLeadOrJoin() {
        LinkageWorld w = LinkageWorld.create();
        String led = w.mechanism("甲", "INDUSTRY_SUPERVISION");
        Map<String, Object> other = input("乙", "EMERGENCY_RESCUE", w.first().id(), List.of(participant(w.lead(), "配合"), participant(w.second(), null)), null);
        String joined = ok(w.coordinator(), CREATE, vars("i", other)).getString("data.createLinkageMechanism.id");
        Map<String, Object> third = input("丙", "OTHER", w.second().id(), List.of(participant(w.first(), null)), null);
        ok(w.coordinator(), CREATE, vars("i", third));

        String q = "query($u: ID, $r: LinkageRole) { linkageMechanisms(unitId: $u, role: $r) { id name leadUnit { id } "
                + "participants { unit { id } duty } } }";
        assertEquals(List.of(led, joined), ok(w.coordinator(), q, vars("u", w.lead().id())).getList("data.linkageMechanisms.id"));
        assertEquals(List.of(led), ok(w.coordinator(), q, vars("u", w.lead().id(), "r", "LEAD")).getList("data.linkageMechanisms.id"));
        JsonPath joins = ok(w.coordinator(), q, vars("u", w.lead().id(), "r", "PARTICIPANT"));
        assertEquals(List.of(joined), joins.getList("data.linkageMechanisms.id"));
        assertEquals("配合", joins.getString("data.linkageMechanisms[0].participants[0].duty"));
        assertEquals(List.of(), ok(w.coordinator(), q, vars("u", w.outsider().id())).getList("data.linkageMechanisms"));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), "{ linkageMechanisms(role: LEAD) { id } }"));
    }

    @Test
    void howManyJointOperationsAndDrillsDidEachMechanismHoldThisYear() {
        LinkageWorld w = LinkageWorld.create();
        String a = w.mechanism("甲", "COORDINATED_ENFORCEMENT");
        String b = w.mechanism("乙", "EMERGENCY_RESCUE");
        w.activate(a, "JOINT_ENFORCEMENT", "2025-01-01T00:10:00+08:00", w.lead());
        w.activate(a, "JOINT_ENFORCEMENT", "2025-06-01T09:00:00+08:00", w.lead());
        w.activate(a, "DRILL", "2025-12-31T23:50:00+08:00", w.lead());
        w.activate(a, "JOINT_ENFORCEMENT", "2024-12-31T23:50:00+08:00", w.lead()); // the year before, in the service's zone
        w.activate(a, "DRILL", "2026-01-01T00:10:00+08:00", w.lead());
        w.activate(b, "EMERGENCY_RESPONSE", "2025-07-01T09:00:00+08:00", w.lead());

        JsonPath json = ok(w.coordinator(), "{ linkageMechanisms { id name activationCounts(period: \"2025\") { kind count } } }");
        assertEquals(List.of(a, b), json.getList("data.linkageMechanisms.id"));
        assertEquals(Map.of("JOINT_ENFORCEMENT", 2, "DRILL", 1, "EMERGENCY_RESPONSE", 0, "EARLY_WARNING", 0, "COORDINATION_MEETING", 0),
                counts(json, 0));
        assertEquals(Map.of("JOINT_ENFORCEMENT", 0, "DRILL", 0, "EMERGENCY_RESPONSE", 1, "EARLY_WARNING", 0, "COORDINATION_MEETING", 0),
                counts(json, 1));
        JsonPath quarter = ok(w.coordinator(), "{ linkageMechanisms { activationCounts(period: \"2025-Q2\") { kind count } } }");
        assertEquals(1, counts(quarter, 0).get("JOINT_ENFORCEMENT"));
    }

    @Test
    void whichMechanismsWereNotActivatedInTheLastTwelveMonths() {
        LinkageWorld w = LinkageWorld.create();
        String active = w.mechanism("有演練", "EMERGENCY_RESCUE");
        String justOutside = w.mechanism("剛好超過十二個月", "COORDINATED_ENFORCEMENT");
        String justInside = w.mechanism("剛好在十二個月內", "COORDINATED_ENFORCEMENT");
        String never = w.mechanism("從未啟動", "DISASTER_PREVENTION");
        String later = w.mechanism("之後才啟動", "INDUSTRY_SUPERVISION");
        w.activate(active, "DRILL", "2025-01-15T09:00:00+08:00", w.lead());
        w.activate(justOutside, "JOINT_ENFORCEMENT", "2024-06-30T23:00:00+08:00", w.lead());
        w.activate(justInside, "EARLY_WARNING", "2024-07-01T00:30:00+08:00", w.lead());
        w.activate(later, "JOINT_ENFORCEMENT", "2025-07-01T09:00:00+08:00", w.lead());

        JsonPath json = ok(w.coordinator(), "{ linkageMechanisms(notActivatedWithinMonths: 12, asOf: \"2025-06-30\") { id name lastActivatedAt } }");
        assertEquals(List.of(justOutside, never, later), json.getList("data.linkageMechanisms.id"));
        assertEquals("2024-06-30T15:00:00Z", json.getString("data.linkageMechanisms[0].lastActivatedAt"));
        assertNull(json.getString("data.linkageMechanisms[1].lastActivatedAt"));
        assertEquals(List.of(justOutside, justInside, never),
                ok(w.coordinator(), "{ linkageMechanisms(notActivatedWithinMonths: 12, asOf: \"2026-01-10\") { id } }").getList("data.linkageMechanisms.id"));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), "{ linkageMechanisms(asOf: \"2025-06-30\") { id } }"));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), "{ linkageMechanisms(notActivatedWithinMonths: 0) { id } }"));
    }

    // ---------- batching ----------

    @Test
    void differentArgumentsForOneBatchedFieldInOneRequestAreRefusedRatherThanAnsweredWrongly() {
        LinkageWorld w = LinkageWorld.create();
        w.mechanism("甲", "OTHER");
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(),
                "{ linkageMechanisms { y2025: activationCounts(period: \"2025\") { count } y2026: activationCounts(period: \"2026\") { count } } }"));
        ok(w.coordinator(), "{ linkageMechanisms { a: activationCounts(period: \"2025\") { count } b: activationCounts(period: \"2025\") { count } } }");
    }

    /** A region of its own; returns its code. */
    private static String region(String level, String parentCode) {
        String code = Fixtures.unique(level.substring(0, 1));
        Map<String, Object> input = new HashMap<>(Map.of("code", code, "name", "Region " + code, "level", level));
        if (parentCode != null) {
            input.put("parentCode", parentCode);
        }
        ok(Tokens.admin(), "mutation($i: RegionInput!) { createRegion(input: $i) { code } }", vars("i", input));
        return code;
    }

    private static Map<String, Integer> counts(JsonPath json, int mechanism) {
        List<Map<String, Object>> rows = json.getList("data.linkageMechanisms[" + mechanism + "].activationCounts");
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r.get("kind"), (Integer) r.get("count")));
        return counts;
    }

    /** The audit entries of one record, oldest first. */
    static List<Map<String, Object>> audit(String recordId, String recordType) {
        return ok(Tokens.admin(), "query($r: ID, $t: String) { auditTrail(first: 500, recordId: $r, recordType: $t) { edges { node { "
                + "operation recordType unitCode before after } } } }", vars("r", recordId, "t", recordType)).getList("data.auditTrail.edges.node");
    }
}
