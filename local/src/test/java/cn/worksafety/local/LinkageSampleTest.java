package cn.worksafety.local;

import static cn.worksafety.support.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Local mode's sample data carries the four mechanisms of seed 000 (Yicheng, Tangxing chemical
 * park). The sets are loaded here as the local-mode loader does (once, recorded in sample_data)
 * and read back over HTTP as Yicheng's committee office.
 */
@QuarkusTest
class LinkageSampleTest {

    @ApplicationScoped
    static class SampleLoader {

        @Inject
        EntityManager em;

        @Transactional
        @ActivateRequestContext
        void loadOnce(SampleDataSet set) {
            if (em.createNativeQuery("select 1 from sample_data where name = ?1").setParameter(1, set.name()).getResultList().isEmpty()) {
                set.load();
                em.createNativeQuery("insert into sample_data (name) values (?1)").setParameter(1, set.name()).executeUpdate();
            }
        }
    }

    @Inject
    SampleLoader loader;

    @Inject
    OrganisationSample organisation;

    @Inject
    LinkageSample linkage;

    @Test
    void localSampleDataCarriesTheFourYichengChemicalParkMechanisms() {
        loader.loadOnce(organisation);
        loader.loadOnce(linkage);

        JsonPath json = ok(Tokens.token("YC-AWB", "coordinator"), "{ linkageMechanisms { name kind scope triggers basis description "
                + "leadUnit { code } participants { duty unit { code } } activations { id } } }");
        List<Map<String, Object>> mechanisms = json.getList("data.linkageMechanisms");
        assertEquals(4, mechanisms.size());
        assertEquals(List.of("INDUSTRY_SUPERVISION", "COORDINATED_ENFORCEMENT", "EMERGENCY_RESCUE", "DISASTER_PREVENTION"),
                json.getList("data.linkageMechanisms.kind"));
        assertEquals(List.of("化工園區行業監管聯動機制", "化工園區協同執法聯動機制", "化工園區應急救援聯動機制", "化工園區自然災害綜合減災聯動機制"),
                json.getList("data.linkageMechanisms.name"));
        assertEquals(List.of("YC-CYJJQ", "YC-YJJ", "YC-YJJ", "YC-CYJJQ"), json.getList("data.linkageMechanisms.leadUnit.code"));
        assertEquals(List.of(List.of("YC-YJJ", "YC-STHJ", "YC-XF"), List.of("YC-CYJJQ"), List.of("YC-CYJJQ"),
                List.of("YC-YJJ", "YC-ZRZY", "YC-QXJ", "YC-SLJ")), json.getList("data.linkageMechanisms.participants.unit.code"));
        assertEquals(List.of("雷電", "洪水", "泥石流", "滑坡"), json.getList("data.linkageMechanisms[3].triggers"));
        for (Map<String, Object> m : mechanisms) {
            assertEquals("翼城縣唐興化工園區", m.get("scope"));
            assertTrue(m.get("basis").toString().contains("翼城縣唐興化工園區行業監管、協同執法和應急救援的聯動機制"));
            assertTrue(m.get("description").toString().contains("為牽頭單位"), m.get("name").toString());
            assertEquals(List.of(), m.get("activations"));
        }
        assertTrue(json.getString("data.linkageMechanisms[3].participants[1].duty").contains("自然災害監測和預警"));

        // The same data answers "which mechanisms does the emergency-management bureau lead or join?".
        JsonPath yjj = ok(Tokens.token("YC-YJJ", "viewer"), "query($u: ID) { linkageMechanisms(unitId: $u, role: LEAD) { name } }",
                Map.of("u", ok(Tokens.token("YC-YJJ", "viewer"), "{ me { id } }").getString("data.me.id")));
        assertEquals(List.of("化工園區協同執法聯動機制", "化工園區應急救援聯動機制"), yjj.getList("data.linkageMechanisms.name"));
    }
}
