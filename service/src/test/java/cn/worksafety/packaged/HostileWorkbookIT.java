package cn.worksafety.packaged;

import static cn.worksafety.support.GraphQL.ok;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;

/**
 * Hostile spreadsheets against the packaged service, which the integration tests start with the
 * heap the Kubernetes deployment gives it (-Xmx256m, quarkus.test.arg-line). Each upload is
 * answered with a clear BAD_USER_INPUT naming the problem, never HTTP 500, and the service is alive
 * and answering afterwards. The first one, 1.2 KB with cells at column ZZZZZZ, once took the
 * service down with OutOfMemoryError.
 */
@QuarkusIntegrationTest
class HostileWorkbookIT {

    private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    /** A workbook of the given parts besides the workbook index, which names sheet1. */
    private static byte[] workbook(Map<String, byte[]> parts) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("[Content_Types].xml", ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "</Types>").getBytes(StandardCharsets.UTF_8));
        all.put("xl/workbook.xml", ("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>").getBytes(StandardCharsets.UTF_8));
        all.put("xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        all.putAll(parts);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (var part : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] sheet(String sheetData) throws IOException {
        return workbook(Map.of("xl/worksheets/sheet1.xml", (SHEET_START + sheetData + SHEET_END).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonPath upload(Fixtures.Unit office, byte[] file) {
        return given().header("Authorization", "Bearer " + Tokens.token(office.code(), "coordinator"))
                .multiPart(new MultiPartSpecBuilder(file).controlName("file").fileName("list.xlsx")
                        .mimeType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").build())
                .multiPart(new MultiPartSpecBuilder("Hostile").controlName("title").mimeType("text/plain").build())
                .multiPart(new MultiPartSpecBuilder(office.code()).controlName("issuerCode").mimeType("text/plain").build())
                .when().post("/import/responsibility-lists")
                .then().statusCode(400).extract().jsonPath();
    }

    private static void refused(Fixtures.Unit office, byte[] file, String expected) {
        JsonPath answer = upload(office, file);
        assertEquals("BAD_USER_INPUT", answer.getString("code"), answer.prettify());
        String message = answer.getString("errors[0].message");
        assertTrue(message != null && message.contains(expected), "expected '" + expected + "' in: " + answer.prettify());
    }

    @Test
    void hostileWorkbooksAreRefusedWithAReasonAndTheServiceStaysUp() throws IOException {
        Fixtures.Unit office = Fixtures.department(Fixtures.county());

        // 8 rows whose cells sit at column ZZZZZZ: 1.2 KB that once allocated by the column letter.
        StringBuilder farRight = new StringBuilder();
        for (int r = 1; r <= 8; r++) {
            farRight.append("<row r=\"").append(r).append("\"><c r=\"ZZZZZZ").append(r).append("\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        }
        byte[] zzzzzz = sheet(farRight.toString());
        assertTrue(zzzzzz.length < 2048, zzzzzz.length + " bytes");
        refused(office, zzzzzz, "beyond column BL");

        // Within three letters but beyond the list's columns.
        refused(office, sheet("<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), "beyond column");

        // A zip bomb: 400 MB of zeros packed into well under a megabyte, beside a proper sheet.
        byte[] zeros = new byte[400 * 1024 * 1024];
        byte[] bomb = workbook(Map.of("xl/media/image1.png", zeros,
                "xl/worksheets/sheet1.xml", (SHEET_START + SHEET_END).getBytes(StandardCharsets.UTF_8)));
        zeros = null;
        assertTrue(bomb.length < 1024 * 1024, bomb.length + " bytes");
        refused(office, bomb, "unpacks to more than");

        // A million rows of empty, formatted cells.
        StringBuilder million = new StringBuilder();
        for (int r = 1; r <= 1_000_000; r++) {
            million.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" s=\"1\"/></row>");
        }
        refused(office, sheet(million.toString()), "unpacks to more than");

        // Billion laughs: entities expanding to gigabytes.
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>" + SHEET_END;
        refused(office, workbook(Map.of("xl/worksheets/sheet1.xml", laughs.getBytes(StandardCharsets.UTF_8))), "damaged");

        // A sheet that is not XML at all.
        refused(office, workbook(Map.of("xl/worksheets/sheet1.xml", "PK not xml { at all".getBytes(StandardCharsets.UTF_8))), "damaged");

        // One cell longer than Excel allows.
        refused(office, sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "长".repeat(40_000) + "</t></is></c></row>"),
                "more than 32767 characters");

        // A row number beyond Excel's last row.
        refused(office, sheet("<row r=\"99999999\"><c r=\"A99999999\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), "outside Excel's rows");

        // A reversed merge range and one covering the whole sheet: cut to the data, nothing to fill; the
        // file is then judged as a list (here: a header naming one column of the five needed).
        refused(office, sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>序号</t></is></c></row></sheetData>"
                + "<mergeCells><mergeCell ref=\"C5:A1\"/><mergeCell ref=\"A1:XFD1048576\"/></mergeCells><sheetData>"),
                "no column 标题");

        // Still here, and answering.
        assertEquals(office.code(), ok(Tokens.token(office.code(), "viewer"), "{ me { code } }").getString("data.me.code"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
