package cn.worksafety.local;

import static cn.worksafety.support.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Local mode's sample data, loaded here as the local-mode loader does (sample data never loads
 * under the test profile by itself): the Guangyuan list has all 41 measures of seed 002 with
 * the deadlines and lead units the document gives them.
 */
@QuarkusTest
class GuangyuanSampleTest {

    @Inject
    OrganisationSample organisation;

    @Inject
    ResponsibilitySample responsibility;

    @Inject
    EntityManager em;

    @BeforeEach
    void loadOnce() {
        for (SampleDataSet set : List.of(organisation, responsibility)) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (em.createNativeQuery("select 1 from sample_data where name = ?1").setParameter(1, set.name()).getResultList().isEmpty()) {
                    set.load();
                    em.createNativeQuery("insert into sample_data (name) values (?1)").setParameter(1, set.name()).executeUpdate();
                }
            });
        }
    }

    @Test
    void theGuangyuanListHasAll41MeasuresWithTheDocumentsDeadlinesAndLeads() {
        String viewer = Tokens.token("GY-AB", "viewer");
        JsonPath lists = ok(viewer, "{ responsibilityLists { id title issuedOn documentNumber issuer { code } } }");
        int index = lists.getList("data.responsibilityLists.title").indexOf("广元经开区贯彻落实国省市安全生产十五条措施的实施意见(征求意见稿)");
        String listId = lists.getString("data.responsibilityLists[" + index + "].id");
        assertEquals("GY-AB", lists.getString("data.responsibilityLists[" + index + "].issuer.code"));
        assertEquals("2022-06-13", lists.getString("data.responsibilityLists[" + index + "].issuedOn"));
        assertNull(lists.getString("data.responsibilityLists[" + index + "].documentNumber"));

        JsonPath items = ok(viewer, "query($id: ID!) { responsibilityList(id: $id) { items(first: 100) { totalCount edges { node { "
                + "number title content unitsText deadlineText status deadline { kind dueOn } assignments { role unit { code } } } } } } }",
                Map.of("id", listId));
        assertEquals(41, items.getInt("data.responsibilityList.items.totalCount"));
        List<Map<String, Object>> nodes = items.getList("data.responsibilityList.items.edges.node");
        Map<String, Map<String, Object>> byNumber = nodes.stream().collect(Collectors.toMap(n -> (String) n.get("number"), n -> n));

        // Spot checks against the document.
        check(byNumber.get("(一)"), "树牢安全发展理念", "LONG_TERM", null, List.of("GY-PLZ", "GY-YJBJD"), "ONGOING");
        check(byNumber.get("(九)"), "充分发挥安委会办公室职能作用", "LONG_TERM", null, List.of("GY-AB"), "ONGOING");
        check(byNumber.get("(十四)"), "迅速开展安全生产大检查", "DATE", "2022-12-31", List.of("GY-AB"), "OVERDUE");
        check(byNumber.get("(十八)"), "严把项目审批安全关", "DATE_THEN_ONGOING", "2022-06-30", List.of("GY-FGJ"), "OVERDUE");
        check(byNumber.get("(二十四)"), "强化劳务派遣人员和灵活用工人员安全教育培训", "DATE_THEN_ONGOING", "2022-06-30", List.of("GY-QJHYBM"), "OVERDUE");
        check(byNumber.get("(三十三)"), "加快推进应急管理综合行政执法改革", "DATE", "2022-07-31", List.of("GY-YJJ"), "OVERDUE");
        check(byNumber.get("(三十五)"), "提升安全监管执法队伍保障水平", "DATE", "2022-10-31", List.of("GY-CZJ"), "OVERDUE");
        check(byNumber.get("(四十一)"), "高质量统筹做好各方面工作", "LONG_TERM", null, List.of("GY-PLZ", "GY-YJBJD"), "ONGOING");

        Map<Object, Long> kinds = nodes.stream().collect(Collectors.groupingBy(n -> ((Map<?, ?>) n.get("deadline")).get("kind"), Collectors.counting()));
        assertEquals(Map.of("LONG_TERM", 31L, "DATE", 4L, "DATE_THEN_ONGOING", 6L), kinds);
        // Original wording kept.
        Map<String, Object> fifteen = byNumber.get("(十五)");
        assertEquals("区安办,区级负有安全生产监督管理职责的部门按职责分工负责", fifteen.get("unitsText"));
        assertEquals("2022年12月底前", fifteen.get("deadlineText"));
        assertEquals(true, ((String) fifteen.get("content")).startsWith("建立隐患治理15天闭环管理制度,做到一般隐患立即整改"));
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> item, String title, String kind, String dueOn, List<String> leads, String status) {
        assertEquals(title, item.get("title"));
        Map<String, Object> deadline = (Map<String, Object>) item.get("deadline");
        assertEquals(kind, deadline.get("kind"), title);
        assertEquals(dueOn, deadline.get("dueOn"), title);
        List<Map<String, Object>> assignments = (List<Map<String, Object>>) item.get("assignments");
        assertEquals(leads, assignments.stream().filter(a -> "LEAD".equals(a.get("role")))
                .map(a -> ((Map<String, Object>) a.get("unit")).get("code")).toList(), title);
        assertEquals(status, item.get("status"), title);
    }
}
