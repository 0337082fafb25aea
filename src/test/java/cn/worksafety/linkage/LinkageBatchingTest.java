package cn.worksafety.linkage;

import static cn.worksafety.support.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

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
        assertEquals(few, many, "statements for 2 mechanisms vs 8");
    }

    private static void addMechanisms(LinkageWorld w, int count) {
        for (int i = 0; i < count; i++) {
            String id = w.mechanism("機制" + i, "EMERGENCY_RESCUE");
            w.activate(id, "DRILL", "2025-0" + (i % 9 + 1) + "-10T09:00:00+08:00", w.lead(), w.first());
            w.activate(id, "EMERGENCY_RESPONSE", "2025-0" + (i % 9 + 1) + "-20T09:00:00+08:00", w.lead(), w.outsider());
        }
    }

    private long statements(LinkageWorld w, int expectedMechanisms) {
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        JsonPath json = ok(w.coordinator(), EVERYTHING);
        long used = statistics.getPrepareStatementCount() - before;
        assertEquals(expectedMechanisms, json.getList("data.linkageMechanisms").size());
        assertEquals(expectedMechanisms * 2, json.getList("data.linkageMechanisms.activations.flatten()").size());
        return used;
    }
}
