package cn.worksafety.responsibility;

import static cn.worksafety.responsibility.Lists.assignment;
import static cn.worksafety.responsibility.Lists.item;
import static cn.worksafety.responsibility.Lists.today;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Many clients at once, over real HTTP, each on its own connection. */
@QuarkusTest
class ConcurrentChangeTest {

    private static final String UPDATE = "mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) "
            + "{ updateResponsibility(id: $id, version: $v, input: $i) { id title version } }";

    @Test
    void twentyClientsUpdatingTheSameVersionOneWinsTheRestGetConflictAndNothingIsHalfWritten() throws Exception {
        Lists.Office o = Lists.office();
        String id = Lists.create(o.coordinator(), o.office(), List.of(item("1", "DATE", today().plusDays(30),
                List.of(assignment(o.a(), "LEAD"))))).item(0);
        int version = Lists.item(o.viewer(), id).getInt("data.responsibility.version");

        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    // Each client changes the title and the lead: a half-applied change would show a
                    // title of one client beside the lead of another.
                    Map<String, Object> input = item("1", "DATE", today().plusDays(30),
                            List.of(assignment(n % 2 == 0 ? o.b() : o.c(), "LEAD")));
                    input.put("title", "Client " + n);
                    start.await();
                    return GraphQL.post(o.coordinator(), UPDATE, vars("id", id, "v", version, "i", input)).extract().jsonPath();
                }));
            }
            start.countDown();
            int won = 0;
            String winner = null;
            Map<String, Integer> codes = new HashMap<>();
            for (Future<JsonPath> answer : answers) {
                JsonPath json = answer.get();
                if (json.get("errors") == null) {
                    won++;
                    winner = json.getString("data.updateResponsibility.title");
                    assertEquals(version + 1, json.getInt("data.updateResponsibility.version"));
                } else {
                    codes.merge(json.getString("errors[0].extensions.code"), 1, Integer::sum);
                }
            }
            assertEquals(1, won, codes.toString());
            assertEquals(Map.of("CONFLICT", clients - 1), codes);

            JsonPath stored = Lists.item(o.viewer(), id);
            assertEquals(winner, stored.getString("data.responsibility.title"));
            assertEquals(version + 1, stored.getInt("data.responsibility.version"));
            int n = Integer.parseInt(winner.substring("Client ".length()));
            assertEquals(List.of((n % 2 == 0 ? o.b() : o.c()).code()), stored.getList("data.responsibility.assignments.unit.code"));
            List<Object> updates = ok(Tokens.admin(), "query($id: ID) { auditTrail(recordType: \"Responsibility\", recordId: $id) "
                    + "{ edges { node { operation } } } }", vars("id", id)).getList("data.auditTrail.edges.node.operation");
            assertEquals(1, updates.stream().filter("updateResponsibility"::equals).count(), updates.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The load that once answered INTERNAL (ContextNotActiveException for the request-scoped Caller
     * on an event-loop thread): clients creating units beside clients reading a list's items with
     * their assignments and units, through both read paths. Every answer is data or a known code.
     */
    @Test
    void writersBesideReadersGetNoInternalErrors() throws Exception {
        Lists.Office o = Lists.office();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            items.add(item(String.valueOf(i), "DATE", today().plusDays(i), List.of(assignment(o.a(), "LEAD"), assignment(o.b(), "RESPONSIBLE"))));
        }
        String listId = Lists.create(o.coordinator(), o.office(), items).listId();
        String read = "query($id: ID!) { responsibilityList(id: $id) { items(first: 50) { edges { node { id title "
                + "assignments { role unit { code name region { code } } } } } } } }";

        long until = System.nanoTime() + 10_000_000_000L;
        AtomicInteger requests = new AtomicInteger();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int c = 0; c < 12; c++) {
                boolean writer = c < 4;
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        JsonPath json = writer
                                ? GraphQL.post(Tokens.admin(), "mutation($i: UnitInput!) { createUnit(input: $i) { id } }",
                                        vars("i", Map.of("code", Fixtures.unique("LOAD"), "name", "Load unit", "kind", "ENTERPRISE",
                                                "regionCode", o.county()))).extract().jsonPath()
                                : GraphQL.post(o.viewer(), read, vars("id", listId)).extract().jsonPath();
                        requests.incrementAndGet();
                        if (json.get("errors") != null) {
                            errors.merge(json.getString("errors[0].extensions.code") + ": " + json.getString("errors[0].message"), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(requests.get() > 12, "only " + requests.get() + " requests");
        assertEquals(Map.of(), errors, requests.get() + " requests");
    }
}
