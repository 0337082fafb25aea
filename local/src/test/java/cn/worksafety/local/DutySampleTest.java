package cn.worksafety.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;

import cn.worksafety.duty.DutyCheck;
import cn.worksafety.duty.PlanCheck;
import cn.worksafety.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The local-mode duty sample: every seed duty as a rule bound to seed units, with met and missed
 * periods once the checks run. Loaded in a transaction that is rolled back (the suite shares the
 * database), with the samples it builds on.
 */
@QuarkusTest
class DutySampleTest {

    @Inject
    EntityManager em;

    @Inject
    OrganisationSample organisation;

    @Inject
    HazardSample hazards;

    @Inject
    DutySample duties;

    @Inject
    DutyCheck dutyCheck;

    @Inject
    PlanCheck planCheck;

    @Inject
    UserTransaction transaction;

    @Test
    void seedDutiesShowMetAndMissedPeriods() throws Exception {
        SampleData.ensureLoaded(em, organisation);
        transaction.begin();
        try {
            organisation.addUnits("sample/training-units.csv");
            hazards.load();
            duties.load();
            assertEquals(List.of("COMPREHENSIVE_INSPECTION", "DRILL", "MEETING", "SELF_INSPECTION", "SPECIAL_INSPECTION", "STAFF_TRAINING",
                    "SUPERVISION_ROUND", "WRITTEN_RETURN"), strings("select distinct kind from duty_rule r where " + SAMPLE + " order by 1"));
            LocalDate today = TestClock.today();
            dutyCheck.run(today);
            planCheck.run(today);
            List<String> missed = strings("select distinct a.kind from alert a join duty_rule r on r.id = a.subject_id where " + SAMPLE
                    + " and a.kind in ('MISSED_INSPECTION', 'RETURN_MISSING') and a.status = 'OPEN' order by 1");
            assertEquals(List.of("MISSED_INSPECTION", "RETURN_MISSING"), missed);
            assertTrue(Integer.parseInt(strings("select count(*) from duty_event e join duty_rule r on r.id = e.rule_id where " + SAMPLE).get(0)) > 5,
                    "met periods too");
            assertEquals(List.of(), strings("select a.id from alert a join unit u on u.id = a.unit_id where a.kind = 'PLAN_NOT_FILED' "
                    + "and a.status <> 'RESOLVED' and u.code = 'GY-QY-WH01'"), "its plan is filed with both units");
        } finally {
            transaction.rollback();
        }
    }

    private static final String SAMPLE = "r.title like '00%'";

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return ((List<Object>) em.createNativeQuery(sql).getResultList()).stream().map(String::valueOf).toList();
    }
}
