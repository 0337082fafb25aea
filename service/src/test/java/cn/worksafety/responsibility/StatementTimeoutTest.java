package cn.worksafety.responsibility;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.post;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;

/**
 * Request work runs under a statement timeout (DB_STATEMENT_TIMEOUT, 5 s by default). Another
 * client of the database holds a lock the request needs, as a long migration or a stuck session
 * would: the request is stopped after the timeout with a clear BAD_USER_INPUT, on the GraphQL
 * endpoint and the import endpoint alike, nothing is written, and the service answers normally
 * once the lock is gone.
 */
@QuarkusTest
class StatementTimeoutTest {

    private static void assertNoSqlIn(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (String leak : List.of("select", "insert", "responsibility_list", "statement_timeout", "57014", "sql")) {
            assertFalse(lower.contains(leak), "leaks '" + leak + "': " + message);
        }
    }

    @Test
    void aRequestWaitingOnALockIsStoppedWithAClearErrorAndTheServiceStaysUsable() throws Exception {
        Lists.Office o = Lists.office();
        var input = Lists.listInput(o.office(), List.of(Lists.item("1", "LONG_TERM", null, List.of(Lists.assignment(o.a(), "LEAD")))));
        String csv = "序号,标题,内容,牵头单位,完成时间\n(一),Measure,Full text.," + o.a().code() + ",长期\n";

        try (Connection other = Database.connect(); Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.execute("lock table responsibility_list in access exclusive mode");

            JsonPath refused = post(o.coordinator(), Lists.CREATE, vars("i", input)).extract().jsonPath();
            assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused.prettify());
            assertTrue(refused.getString("errors[0].message").contains("took too long"), refused.prettify());
            assertNoSqlIn(refused.getString("errors[0].message"));

            JsonPath imported = given()
                    .header("Authorization", "Bearer " + o.coordinator())
                    .multiPart(new MultiPartSpecBuilder(csv.getBytes(StandardCharsets.UTF_8)).controlName("file").fileName("list.csv")
                            .mimeType("text/csv").build())
                    .multiPart(new MultiPartSpecBuilder("Blocked list").controlName("title").mimeType("text/plain")
                            .charset(StandardCharsets.UTF_8).build())
                    .multiPart(new MultiPartSpecBuilder(o.office().code()).controlName("issuerCode").mimeType("text/plain").build())
                    .when().post("/import/responsibility-lists")
                    .then().statusCode(400).extract().jsonPath();
            assertEquals("BAD_USER_INPUT", imported.getString("code"), imported.prettify());
            assertNoSqlIn(imported.getString("message"));
            other.rollback();
        }

        // The lock is gone: the same request goes through, and the refused ones left nothing.
        assertEquals(0, ok(o.viewer(), "{ responsibilityLists { title issuer { code } } }").getList("data.responsibilityLists.title")
                .stream().filter("Blocked list"::equals).count());
        String id = ok(o.coordinator(), Lists.CREATE, vars("i", input)).getString("data.createResponsibilityList.id");
        assertTrue(id != null && !id.isBlank());
    }
}
