package cn.worksafety.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;

import cn.worksafety.hazard.HazardCheck;
import cn.worksafety.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The local-mode hazard sample shows every state of the loop. It is loaded inside a transaction that
 * is rolled back, together with the training sample's enterprises it needs: other tests share the
 * database, and sample hazards (or the training sample's people) would change what their checks find.
 */
@QuarkusTest
class HazardSampleTest {

    @Inject
    EntityManager em;

    @Inject
    OrganisationSample organisation;

    @Inject
    HazardSample hazards;

    @Inject
    HazardCheck check;

    @Inject
    UserTransaction transaction;

    @Test
    void sampleCoversEveryGradeStatusAnExtensionAndAnInterview() throws Exception {
        SampleData.ensureLoaded(em, organisation);
        transaction.begin();
        try {
            organisation.addUnits("sample/training-units.csv");
            hazards.load();
            assertEquals(List.of("GENERAL", "MAJOR", "SIGNIFICANT"), strings("select distinct grade from hazard h where " + SAMPLE + " order by 1"));
            assertEquals(List.of("OPEN", "RECTIFIED", "VERIFIED"), strings("select distinct status from hazard h where " + SAMPLE + " order by 1"));
            assertEquals(List.of("FILED"), strings("select x.status from hazard_extension x join hazard h on h.id = x.hazard_id where " + SAMPLE));
            assertEquals(1, strings("select i.held_by from hazard_interview i join hazard h on h.id = i.hazard_id where " + SAMPLE).size());
            assertTrue(strings("select description from hazard h where " + SAMPLE).stream().allMatch(d -> d.contains("示例")),
                    "every sample hazard says it is an example");
            // As of today the sample has an overdue hazard with an interview and one without.
            var outcome = check.run(TestClock.today());
            assertTrue(outcome.found(cn.worksafety.alert.AlertKind.HAZARD_OVERDUE) >= 2);
            assertTrue(outcome.found(cn.worksafety.alert.AlertKind.INTERVIEW_OVERDUE) >= 1);
        } finally {
            transaction.rollback();
        }
    }

    private static final String SAMPLE = "h.unit_id in (select id from unit where code in ('GY-QY-WH01', 'YC-QY-HG01'))";

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return ((List<Object>) em.createNativeQuery(sql).getResultList()).stream().map(String::valueOf).toList();
    }
}
