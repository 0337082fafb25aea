package cn.worksafety.responsibility;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ResponsibilityImportTest {

    private static final String TITLE = "广元经开区安全生产任务清单";

    private static ValidatableResponse upload(String token, String fileName, byte[] file, Map<String, String> fields) {
        var request = given().multiPart(new MultiPartSpecBuilder(file).controlName("file").fileName(fileName)
                .mimeType(fileName.endsWith(".csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").build());
        fields.forEach((name, value) -> request.multiPart(new MultiPartSpecBuilder(value).controlName(name)
                .mimeType("text/plain").charset(StandardCharsets.UTF_8).build()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/import/responsibility-lists").then();
    }

    private static int listCount(Lists.Office o) {
        return ok(o.viewer(), "{ responsibilityLists { id } }").getList("data.responsibilityLists").size();
    }

    @Test
    void aGoodCsvFileBecomesAListWithItsItemsUnitsAndDeadlines() {
        Lists.Office o = Lists.office();
        String csv = "序号,标题,内容,牵头单位,责任单位,配合单位,完成时间\n"
                + "(一),树牢安全发展理念,\"把安全生产纳入党委议事日程, 长期坚持。\"," + o.a().code() + "," + o.b().code() + "、" + o.c().code() + ",,长期\n"
                + "(十四),迅速开展安全生产大检查,每月开展专项安全检查不少于1次。," + o.office().code() + "," + o.a().code() + ",,2022年12月底前\n"
                + "\n"
                + "(十八),严把项目审批安全关,不得边审批、边设计、边施工。," + o.b().code() + ",," + o.c().code() + ",2022年6月底前印发通知并长期坚持\n";
        JsonPath created = upload(o.coordinator(), "list.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("title", TITLE, "issuerCode", o.office().code(), "issuedOn", "2022-06-13", "documentNumber", "广经开安办〔2022〕1号"))
                .statusCode(201).extract().jsonPath();
        assertEquals(3, created.getInt("items"));
        assertEquals(TITLE, created.getString("title"));

        JsonPath list = ok(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { title documentNumber issuedOn issuer { code } "
                + "items { edges { node { number title content deadlineText deadline { kind dueOn } assignments { role unit { code } } } } } } }",
                vars("id", created.getString("id")));
        assertEquals(TITLE, list.getString("data.responsibilityList.title"));
        assertEquals("广经开安办〔2022〕1号", list.getString("data.responsibilityList.documentNumber"));
        String items = "data.responsibilityList.items.edges.node";
        assertEquals(List.of("(一)", "(十四)", "(十八)"), list.getList(items + ".number"));
        assertEquals(List.of("LONG_TERM", "DATE", "DATE_THEN_ONGOING"), list.getList(items + ".deadline.kind"));
        assertEquals("2022-12-31", list.getString(items + "[1].deadline.dueOn"));
        assertEquals("2022-06-30", list.getString(items + "[2].deadline.dueOn"));
        assertEquals("2022年6月底前印发通知并长期坚持", list.getString(items + "[2].deadlineText"));
        assertEquals("把安全生产纳入党委议事日程, 长期坚持。", list.getString(items + "[0].content"));
        assertEquals(List.of("LEAD", "RESPONSIBLE", "RESPONSIBLE"), list.getList(items + "[0].assignments.role"));
        assertEquals(List.of(o.b().code(), o.c().code()), list.getList(items + "[2].assignments.unit.code"));
        assertEquals(List.of("LEAD", "SUPPORTING"), list.getList(items + "[2].assignments.role"));
    }

    @Test
    void aGoodExcelWorkbookIsImportedWithUnitsGivenByName() {
        Lists.Office o = Lists.office();
        String nameOfA = ok(o.viewer(), "query($id: ID!) { unit(id: $id) { name } }", vars("id", o.a().id())).getString("data.unit.name");
        byte[] xlsx = XlsxFiles.workbook(List.of(
                List.of("完成时间", "序号", "标题", "内容", "牵头单位", "责任单位"),
                List.of("2022年10月底前", "35", "提升安全监管执法队伍保障水平", "加强专业执法装备配备。", nameOfA, ""),
                List.of("长期", "36", "动员鼓励群众监督安全生产", "建立举报制度。", o.b().code(), nameOfA)));
        JsonPath created = upload(o.coordinator(), "清单.xlsx", xlsx, Map.of("title", TITLE, "issuerId", o.office().id()))
                .statusCode(201).extract().jsonPath();
        assertEquals(2, created.getInt("items"));
        JsonPath items = ok(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { items { edges { node { number "
                + "deadline { kind dueOn } assignments { role unit { code } } } } } } }", vars("id", created.getString("id")));
        assertEquals(List.of("35", "36"), items.getList("data.responsibilityList.items.edges.node.number"));
        assertEquals("2022-10-31", items.getString("data.responsibilityList.items.edges[0].node.deadline.dueOn"));
        assertEquals(List.of(o.a().code()), items.getList("data.responsibilityList.items.edges[0].node.assignments.unit.code"));
        assertEquals(List.of(o.b().code(), o.a().code()), items.getList("data.responsibilityList.items.edges[1].node.assignments.unit.code"));
    }

    @Test
    void aBadFileIsRejectedRowByRowAndNothingIsWritten() {
        Lists.Office o = Lists.office();
        String csv = "序号,标题,内容,牵头单位,责任单位,完成时间\n"
                + "1,好的一行,内容。," + o.a().code() + ",,长期\n"
                + "2,,内容。," + o.a().code() + ",,长期\n"
                + "3,未知单位,内容。,NO-SUCH-UNIT,,2022年12月底前\n"
                + "4,坏的期限,内容。," + o.a().code() + ",,尽快\n"
                + "1,重复序号,内容。," + o.a().code() + ",,长期\n"
                + "6,没有牵头,内容。,," + o.b().code() + ",长期\n";
        JsonPath rejected = upload(o.coordinator(), "list.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("title", TITLE, "issuerCode", o.office().code())).statusCode(400).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", rejected.getString("code"));
        List<Integer> rows = rejected.getList("errors.row", Integer.class);
        assertEquals(List.of(3, 4, 5, 6, 7), rows.stream().distinct().toList(), rejected.prettify());
        assertTrue(rejected.getString("errors.find { it.row == 3 }.message").contains("'标题' must not be empty"), rejected.prettify());
        assertEquals("牵头单位", rejected.getString("errors.find { it.row == 4 }.column"));
        assertTrue(rejected.getString("errors.find { it.row == 4 }.message").contains("NO-SUCH-UNIT"));
        assertEquals("完成时间", rejected.getString("errors.find { it.row == 5 }.column"));
        assertTrue(rejected.getString("errors.find { it.row == 6 }.message").contains("row 2"));
        assertTrue(rejected.getString("errors.find { it.row == 7 }.message").contains("LEAD"));
        assertEquals(0, listCount(o));
        assertEquals(0, ok(o.viewer(), "query($u: ID) { responsibilities(unitId: $u) { totalCount } }", vars("u", o.a().id()))
                .getInt("data.responsibilities.totalCount"));

        // A file without the required columns, and one that is no spreadsheet at all.
        upload(o.coordinator(), "list.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of("title", TITLE, "issuerCode", o.office().code()))
                .statusCode(400);
        upload(o.coordinator(), "list.xlsx", new byte[] { 'P', 'K', 3, 4, 0, 0 }, Map.of("title", TITLE, "issuerCode", o.office().code()))
                .statusCode(400);
        assertEquals(0, listCount(o));
    }

    @Test
    void aRowAfterAMultiLineCellIsReportedByTheRowNumberExcelShows() {
        Lists.Office o = Lists.office();
        String csv = "序号,标题,内容,牵头单位,完成时间\n"
                + "1,好的一行,\"第一段。\n第二段。\r\n第三段。\"," + o.a().code() + ",长期\n"
                + "2,坏的期限,内容。," + o.a().code() + ",尽快\n";
        JsonPath rejected = upload(o.coordinator(), "list.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("title", TITLE, "issuerCode", o.office().code())).statusCode(400).extract().jsonPath();
        // Physical line 5 of the file, but row 3 in Excel: the quoted cell above is one row however many lines it has.
        assertEquals(List.of(3), rejected.getList("errors.row", Integer.class), rejected.prettify());
        assertEquals("完成时间", rejected.getString("errors[0].column"));
        assertEquals(0, listCount(o));
    }

    @Test
    void aLeadUnitCellMergedOverSeveralRowsLeadsEachOfThem() {
        Lists.Office o = Lists.office();
        byte[] xlsx = XlsxFiles.workbook(List.of(
                List.of("序号", "标题", "内容", "牵头单位", "配合单位", "完成时间"),
                List.of("1", "树牢安全发展理念", "内容一。", o.a().code(), o.c().code(), "长期"),
                List.of("2", "强化安全生产责任", "内容二。", "", "", ""),
                List.of("3", "迅速开展安全生产大检查", "内容三。", "", o.b().code(), "2022年12月底前"),
                List.of("4", "严把项目审批安全关", "内容四。", o.b().code(), "", "2022年12月底前")),
                List.of("D2:D4", "F2:F3"));
        JsonPath created = upload(o.coordinator(), "清单.xlsx", xlsx, Map.of("title", TITLE, "issuerCode", o.office().code()))
                .statusCode(201).extract().jsonPath();
        assertEquals(4, created.getInt("items"));
        JsonPath list = ok(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { items { edges { node { number "
                + "deadline { kind dueOn } assignments { role unit { code } } } } } } }", vars("id", created.getString("id")));
        String items = "data.responsibilityList.items.edges.node";
        assertEquals(List.of("1", "2", "3", "4"), list.getList(items + ".number"));
        assertEquals(List.of(o.a().code(), o.c().code()), list.getList(items + "[0].assignments.unit.code"));
        assertEquals(List.of(o.a().code()), list.getList(items + "[1].assignments.unit.code"));
        assertEquals(List.of("LEAD"), list.getList(items + "[1].assignments.role"));
        assertEquals(List.of(o.a().code(), o.b().code()), list.getList(items + "[2].assignments.unit.code"));
        assertEquals(List.of("LEAD", "SUPPORTING"), list.getList(items + "[2].assignments.role"));
        assertEquals(List.of(o.b().code()), list.getList(items + "[3].assignments.unit.code"));
        assertEquals(List.of("LONG_TERM", "LONG_TERM", "DATE", "DATE"), list.getList(items + ".deadline.kind"));
    }

    @Test
    void importingNeedsACoordinatorOfTheIssuersRegion() {
        Lists.Office o = Lists.office();
        byte[] csv = ("序号,标题,内容,牵头单位,完成时间\n1,t,c," + o.a().code() + ",长期\n").getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = Map.of("title", TITLE, "issuerCode", o.office().code());
        assertEquals("UNAUTHENTICATED", upload(null, "l.csv", csv, fields).statusCode(401).extract().jsonPath().getString("code"));
        assertEquals("FORBIDDEN", upload(o.viewer(), "l.csv", csv, fields).statusCode(403).extract().jsonPath().getString("code"));
        assertEquals("FORBIDDEN", upload(o.editor(o.a()), "l.csv", csv, fields).statusCode(403).extract().jsonPath().getString("code"));
        upload(Lists.office().coordinator(), "l.csv", csv, fields).statusCode(400);
        assertEquals(0, listCount(o));
        upload(o.coordinator(), "l.csv", csv, fields).statusCode(201);
        assertEquals(1, listCount(o));
    }
}
