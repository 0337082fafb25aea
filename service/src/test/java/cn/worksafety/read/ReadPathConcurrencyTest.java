package cn.worksafety.read;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.ReadPaths;
import cn.worksafety.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A request waiting on the database never holds up another one: while a mutation waits for a
 * row another connection has locked, reads sent one after another are all answered, down the
 * compiled read path and down the GraphQL engine alike (each request runs on a worker thread of
 * its own; quarkusio/quarkus#54361 queued them behind the waiting one).
 */
@QuarkusTest
class ReadPathConcurrencyTest {

    private static final String UNITS = "{ units(first: 5) { totalCount edges { node { id name } } } }";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readsAreAnsweredWhileAMutationWaitsOnARowLock() throws Exception {
        String admin = Tokens.admin();
        Fixtures.Unit office = Fixtures.unit(Fixtures.county(), "OTHER");
        Map<String, Object> item = Map.of("number", "(一)", "title", "Measure", "content", "Text",
                "assignments", List.of(Map.of("unitId", office.id(), "role", "LEAD")), "deadline", Map.of("kind", "LONG_TERM"));
        Map<String, Object> created = ok(admin, "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) "
                + "{ items(first: 1) { edges { node { id version } } } } }", vars("i", Map.of("title", "Locked list", "issuerId", office.id(),
                        "items", List.of(item)))).getMap("data.createResponsibilityList.items.edges[0].node");
        String update = "mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) { updateResponsibility(id: $id, version: $v, input: $i) { version } }";

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from responsibility where id = ? for update")) {
                lock.setLong(1, Long.parseLong((String) created.get("id")));
                lock.executeQuery().close();
            }
            CompletableFuture<String> mutation = CompletableFuture.supplyAsync(() -> ReadPaths.engine(() -> GraphQL.post(admin, update,
                    vars("id", created.get("id"), "v", created.get("version"), "i", Map.of("number", "(一)", "title", "Measure changed",
                            "content", "Text", "assignments", List.of(Map.of("unitId", office.id(), "role", "LEAD")),
                            "deadline", Map.of("kind", "LONG_TERM")))).extract().asString()));
            awaitLockWait();

            for (int i = 0; i < 8; i++) {
                assertTrue(ReadPaths.compiled(GraphQL.post(Tokens.admin(), UNITS, Map.of())), "compiled read " + i);
                assertFalse(mutation.isDone(), "the mutation still waits for the lock");
            }
            ReadPaths.engine(() -> {
                for (int i = 0; i < 8; i++) {
                    GraphQL.ok(Tokens.admin(), UNITS);
                    assertFalse(mutation.isDone(), "the mutation still waits for the lock");
                }
                return null;
            });
            holder.rollback();
            assertTrue(mutation.get(30, TimeUnit.SECONDS).contains("\"version\":1"), "the mutation completes once the lock is gone");
        }
    }

    /** Until the mutation's statement is seen waiting for a lock in pg_stat_activity. */
    private void awaitLockWait() throws Exception {
        try (Connection watcher = dataSource.getConnection();
                PreparedStatement waiting = watcher.prepareStatement(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")) {
            for (int i = 0; i < 300; i++) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        assertEquals(1, 0, "the mutation never waited for the lock");
    }
}
