package cn.worksafety.linkage;

import static cn.worksafety.support.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Fixtures.Unit;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Nested fields cost one statement per field and level, however many mechanisms there are. */
@QuarkusTest
class LinkageBatchingTest {

    private static final String EVERYTHING = "{ linkageMechanisms { id name triggers lastActivatedAt "
            + "leadUnit { code } participants { duty unit { code } } activationCounts(period: \"2025\") { kind count } "
            + "activations { id drewInNonParticipants units { code } nonParticipantUnits { code } recordedBy { code } "
            + "mechanism { name leadUnit { code } } } } }";

    @Inject
    SessionFactory sessionFactory;

    @Test
    void statementCountOfAQueryOverAllMechanismsDoesNotGrowWithTheirNumber() {
        LinkageWorld w = LinkageWorld.create();
        addMechanisms(w, 2);
        long few = statements(w, 2);
        addMechanisms(w, 6);
        long many = statements(w, 8);
        assertEquals(few, many, "statements for 2 mechanisms (" + few + ") vs 8 (" + many + ")");
    }

    /**
     * Each mechanism gets units of its own: a lead, two participants, a rescue team drawn into
     * its emergency response, and a recorder (the first participant's editor records the drill).
     * Shared units would be answered from Hibernate's session cache after the first parent, so a
     * per-parent lookup would add no statements and the test could not catch an N+1.
     */
    private static void addMechanisms(LinkageWorld w, int count) {
        for (int i = 0; i < count; i++) {
            Unit lead = Fixtures.department(w.county());
            Unit first = Fixtures.department(w.county());
            Unit second = Fixtures.department(w.county());
            Unit drawnIn = Fixtures.unit(w.county(), "RESCUE_TEAM");
            String id = LinkageWorld.mechanism(w.coordinator(), "機制" + i, "EMERGENCY_RESCUE", lead, first, second);
            LinkageWorld.activate(Tokens.token(first.code(), "unit-editor"), id, "DRILL",
                    "2025-0" + (i % 9 + 1) + "-10T09:00:00+08:00", lead, first);
            w.activate(id, "EMERGENCY_RESPONSE", "2025-0" + (i % 9 + 1) + "-20T09:00:00+08:00", lead, second, drawnIn);
        }
    }

    private long statements(LinkageWorld w, int expectedMechanisms) {
        long used = SqlStatements.cost(sessionFactory, () -> ok(w.coordinator(), EVERYTHING));
        JsonPath json = ok(w.coordinator(), EVERYTHING);
        assertEquals(expectedMechanisms, json.getList("data.linkageMechanisms").size());
        assertEquals(expectedMechanisms * 2, json.getList("data.linkageMechanisms.activations.flatten()").size());
        // The world really has distinct units per mechanism, or the count above proves nothing.
        assertEquals(expectedMechanisms, distinct(json, "data.linkageMechanisms.leadUnit.code"));
        assertEquals(expectedMechanisms * 2, distinct(json, "data.linkageMechanisms.participants.flatten().unit.code"));
        assertEquals(expectedMechanisms, distinct(json, "data.linkageMechanisms.activations.flatten().nonParticipantUnits.flatten().code"));
        assertEquals(expectedMechanisms * 4, distinct(json, "data.linkageMechanisms.activations.flatten().units.flatten().code"));
        assertEquals(expectedMechanisms + 1, distinct(json, "data.linkageMechanisms.activations.flatten().recordedBy.code"));
        assertEquals(expectedMechanisms, distinct(json, "data.linkageMechanisms.activations.flatten().mechanism.leadUnit.code"));
        return used;
    }

    private static long distinct(JsonPath json, String path) {
        return json.getList(path).stream().distinct().count();
    }
}
