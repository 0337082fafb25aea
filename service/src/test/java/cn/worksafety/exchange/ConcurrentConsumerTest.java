package cn.worksafety.exchange;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A consumer mirroring items while several writers create, update and remove them: when the
 * writers stop and the consumer has caught up, its mirror equals the database record for record.
 */
@QuarkusTest
class ConcurrentConsumerTest {

    private static final Logger LOG = Logger.getLogger(ConcurrentConsumerTest.class);
    private static final String PAGE = "query($a: String) { changes(after: $a, first: 200, recordTypes: [RESPONSIBILITY]) "
            + "{ pageInfo { hasNextPage endCursor } edges { node { recordId operation version record { ... on Responsibility "
            + "{ title } } } } } }";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aConsumerPollingDuringConcurrentWritesEndsWithExactlyTheDatabasesItems() throws Exception {
        ChangeFeedTest.Office o = ChangeFeedTest.office();
        String exchange = o.exchange();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            writers.add(pool.submit(() -> {
                int rounds = 0;
                while (writing.get()) {
                    List<String> ids = ChangeFeedTest.list(o);
                    ok(o.coordinator(), ChangeFeedTest.UPDATE, vars("id", ids.get(1), "v", 0, "i",
                            ChangeFeedTest.item("(一)", "Changed " + rounds, o.department())));
                    ok(o.coordinator(), "mutation($id: ID!) { removeResponsibility(id: $id, version: 0) }", vars("id", ids.get(2)));
                    rounds++;
                }
                return rounds;
            }));
        }
        Map<String, String> mirror = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int[] duplicates = { 0 };
        int[] received = { 0 };
        String[] cursor = { null };
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        Runnable poll = () -> {
            boolean more = true;
            while (more) {
                JsonPath page = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + exchange)
                        .body(Map.of("query", PAGE, "variables", cursor[0] == null ? Map.of() : Map.of("a", cursor[0])))
                        .post("/graphql").then().statusCode(200).extract().jsonPath();
                if (page.get("errors") != null) {
                    throw new AssertionError(page.prettify());
                }
                for (Map<String, Object> change : page.<Map<String, Object>> getList("data.changes.edges.node")) {
                    received[0]++;
                    String id = (String) change.get("recordId");
                    if (!seen.add(id + "@" + change.get("version") + "/" + change.get("operation"))) {
                        duplicates[0]++;
                    }
                    Map<?, ?> record = (Map<?, ?>) change.get("record");
                    if (record == null) {
                        mirror.remove(id); // deleted, or removed since
                    } else {
                        mirror.put(id, (String) record.get("title"));
                    }
                }
                cursor[0] = page.getString("data.changes.pageInfo.endCursor");
                more = page.getBoolean("data.changes.pageInfo.hasNextPage");
            }
        };
        while (System.nanoTime() < until) {
            poll.run();
            Thread.sleep(20);
        }
        writing.set(false);
        int rounds = 0;
        for (Future<Integer> writer : writers) {
            rounds += writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        poll.run();

        Map<String, String> database = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select r.id, r.title from responsibility r join responsibility_list l"
                        + " on l.id = r.list_id where l.issuer_id = ?")) {
            ps.setLong(1, Long.parseLong(o.office().id()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    database.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertTrue(rounds >= 3, "the writers wrote");
        assertEquals(rounds, database.size(), "one item left per round");
        assertEquals(database, new TreeMap<>(mirror), "the consumer's mirror equals the database");
        LOG.infof("Concurrent consumer: %d rounds of writes by 3 writers, %d changes received, %d duplicates, mirror of %d items",
                rounds, received[0], duplicates[0], mirror.size());
    }
}
