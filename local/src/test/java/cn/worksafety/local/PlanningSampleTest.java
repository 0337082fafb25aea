package cn.worksafety.local;

import static cn.worksafety.support.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The planning sample set, loaded into the test database as local mode loads it, read back over HTTP. */
@QuarkusTest
class PlanningSampleTest {

    /** Paged: the shared test database holds more plans than the unpaged list's cap of 500. */
    private static final String PLANS = "query($a: String) { plansConnection(first: 50, after: $a) { pageInfo { hasNextPage endCursor } "
            + "edges { node { id title kind periodStart periodEnd issuer { code } indicators { sequence category name "
            + "unitOfMeasure nature status target { comparator value baselinePeriod averageYears wording } } "
            + "tasks { number title leadUnit { code } responsibility { id } } } } } }";

    @Inject
    EntityManager em;

    @Inject
    OrganisationSample organisation;

    @Inject
    PlanningSample planning;

    @Inject
    PlanTaskSample tasks;

    @BeforeEach
    void load() {
        SampleData.ensureLoaded(em, organisation, planning, tasks);
    }

    @Test
    void emergencyManagementPlanListsItsTwentySevenMainTasksWithTheirFirstNamedLeadUnit() {
        List<Map<String, Object>> tasks = tasks(plan("聊城江北水城旅游度假区“十四五”应急管理规划"));
        assertEquals(27, tasks.size());
        assertEquals("(一)1.", tasks.get(0).get("number"));
        assertEquals("完善应急组织体系", tasks.get(0).get("title"));
        assertEquals("LC-AJJ", ((Map<?, ?>) tasks.get(0).get("leadUnit")).get("code"));
        Map<String, Object> fireBrigade = tasks.get(9);
        assertEquals("(三)1.", fireBrigade.get("number"));
        assertEquals("加强国家综合性消防救援力量建设", fireBrigade.get("title"));
        assertNull(fireBrigade.get("leadUnit"), "区消防救援大队 is not a sample unit");
        assertEquals("(七)2.", tasks.get(26).get("number"));
        assertEquals("深入开展应急管理“大培训”", tasks.get(26).get("title"));
        assertEquals(21, tasks.stream().filter(t -> t.get("leadUnit") != null).count());
        assertTrue(tasks.stream().allMatch(t -> t.get("responsibility") == null), "no links across regions are invented");
    }

    @Test
    void haiyanWorkPointsListSixteenTasksAndTheWorkSafetyPlanNone() {
        List<Map<String, Object>> haiyan = tasks(plan("海盐县2019年应急管理工作要点"));
        assertEquals(16, haiyan.size());
        assertEquals(List.of("一、(一)", "压实党政领导干部安全生产责任制"), List.of(haiyan.get(0).get("number"), haiyan.get(0).get("title")));
        assertEquals(List.of("五、(四)", "矢志锻造应急管理铁军"), List.of(haiyan.get(15).get("number"), haiyan.get(15).get("title")));
        assertEquals(List.of(), tasks(plan("聊城江北水城旅游度假区“十四五”安全生产规划")));
    }

    @Test
    void workSafetyPlanCarriesTheDeathRateIndicatorAsBindingBelowOneHundredth() {
        Map<String, Object> plan = plan("聊城江北水城旅游度假区“十四五”安全生产规划");
        assertEquals("FIVE_YEAR", plan.get("kind"));
        assertEquals("2021-01-01", plan.get("periodStart"));
        assertEquals("2025-12-31", plan.get("periodEnd"));
        assertEquals("LC-GWH", ((Map<?, ?>) plan.get("issuer")).get("code"));
        List<Map<String, Object>> indicators = indicators(plan);
        assertEquals(List.of("重特大事故起数", "生产安全事故死亡人数", "亿元国内生产总值生产安全事故死亡率",
                "工矿商贸就业人员十万人生产安全事故死亡率", "道路交通万车死亡率"), indicators.stream().map(i -> i.get("name")).toList());

        Map<String, Object> deathRate = indicators.get(2);
        assertEquals(3, deathRate.get("sequence"));
        assertEquals("BINDING", deathRate.get("nature"));
        assertEquals("LT", target(deathRate).get("comparator"));
        assertEquals(0.01f, ((Number) target(deathRate).get("value")).floatValue());
        assertEquals("NO_DATA", deathRate.get("status"));

        assertEquals("DECREASE_BY_PERCENT", target(indicators.get(1)).get("comparator"));
        assertEquals("2020", target(indicators.get(1)).get("baselinePeriod"));
        assertEquals("EQ", target(indicators.get(0)).get("comparator"));
        assertEquals("EXPECTED", indicators.get(4).get("nature"));
        assertEquals(List.of("BINDING", "BINDING", "BINDING", "BINDING", "EXPECTED"), indicators.stream().map(i -> i.get("nature")).toList());
    }

    @Test
    void emergencyManagementPlanHasEightIndicatorsInTwoCategories() {
        List<Map<String, Object>> indicators = indicators(plan("聊城江北水城旅游度假区“十四五”应急管理规划"));
        assertEquals(8, indicators.size());
        assertEquals(List.of("安全生产", "安全生产", "安全生产", "自然灾害", "自然灾害", "自然灾害", "自然灾害", "自然灾害"),
                indicators.stream().map(i -> i.get("category")).toList());
        assertEquals(List.of("BINDING", "EXPECTED", "EXPECTED", "EXPECTED", "EXPECTED", "EXPECTED", "EXPECTED", "BINDING"),
                indicators.stream().map(i -> i.get("nature")).toList());
        Map<String, Object> losses = indicators.get(3);
        assertEquals("年均因自然灾害直接经济损失占国内生产总值的比例", losses.get("name"));
        assertEquals(5, target(losses).get("averageYears"));
        assertEquals("<1%(5年平均)", target(losses).get("wording"));
        Map<String, Object> shelter = indicators.get(7);
        assertEquals("常住人口应急避难场所面积", shelter.get("name"));
        assertEquals("GT", target(shelter).get("comparator"));
        assertEquals(2.5f, ((Number) target(shelter).get("value")).floatValue());
    }

    @Test
    void haiyan2019WorkPointsCarryTheFiveNumericTargets() {
        Map<String, Object> plan = plan("海盐县2019年应急管理工作要点");
        assertEquals("ANNUAL", plan.get("kind"));
        assertEquals("HY-YJJ", ((Map<?, ?>) plan.get("issuer")).get("code"));
        List<Map<String, Object>> indicators = indicators(plan);
        assertEquals(List.of("DECREASE_BY_PERCENT", "DECREASE_BY_PERCENT", "GE", "GE", "GE"),
                indicators.stream().map(i -> target(i).get("comparator")).toList());
        assertEquals(List.of(20f, 20f, 100f, 95f, 3000f),
                indicators.stream().map(i -> ((Number) target(i).get("value")).floatValue()).toList());
        assertEquals("2018", target(indicators.get(0)).get("baselinePeriod"));
        assertNull(target(indicators.get(2)).get("baselinePeriod"));
    }

    private static Map<String, Object> plan(String title) {
        List<Map<String, Object>> plans = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = ok(Tokens.admin(), PLANS, Collections.singletonMap("a", after));
            plans.addAll(page.getList("data.plansConnection.edges.node"));
            after = page.getBoolean("data.plansConnection.pageInfo.hasNextPage") ? page.getString("data.plansConnection.pageInfo.endCursor") : null;
        } while (after != null);
        List<Map<String, Object>> matching = plans.stream().filter(p -> title.equals(p.get("title"))).toList();
        assertEquals(1, matching.size(), "plans titled " + title);
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tasks(Map<String, Object> plan) {
        return (List<Map<String, Object>>) plan.get("tasks");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> indicators(Map<String, Object> plan) {
        return (List<Map<String, Object>>) plan.get("indicators");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(Map<String, Object> indicator) {
        return (Map<String, Object>) indicator.get("target");
    }
}
