package cn.worksafety.exchange;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.post;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.hazard.HazardWorld;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ChangeFeedTest {

    static final String CHANGES = "query($a: String, $t: [RecordType!]) { changes(after: $a, first: 500, recordTypes: $t) "
            + "{ pageInfo { hasNextPage endCursor } edges { cursor node { recordType recordId operation version changedAt "
            + "record { __typename ... on Person { id idNumber phone unit { code } } ... on Responsibility { id title version "
            + "assignments { role unit { code } } } ... on ResponsibilityList { id withdrawnOn } } } } } }";
    static final String CREATE_LIST = "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) "
            + "{ id version items(first: 500) { edges { node { id version } } } } }";
    static final String UPDATE = "mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) { updateResponsibility(id: $id, "
            + "version: $v, input: $i) { id version } }";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    /** What a consumer gets by pulling until there is no next page: the changes and the cursor to keep. */
    record Pulled(List<Map<String, Object>> changes, String cursor) {
        List<Map<String, Object>> of(String recordType, String recordId) {
            return changes.stream().filter(c -> recordType.equals(c.get("recordType")) && recordId.equals(c.get("recordId"))).toList();
        }

    }

    static Pulled pull(String token, String after, List<String> types) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String cursor = after;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("a", cursor);
            variables.put("t", types);
            JsonPath page = ok(token, CHANGES, variables);
            changes.addAll(page.getList("data.changes.edges.node"));
            String end = page.getString("data.changes.pageInfo.endCursor");
            assertNotNull(end, "endCursor is returned on every page, empty or not");
            cursor = end;
            if (!page.getBoolean("data.changes.pageInfo.hasNextPage")) {
                return new Pulled(changes, cursor);
            }
        }
    }

    record Office(String county, Fixtures.Unit office, Fixtures.Unit department) {
        String coordinator() {
            return Tokens.token(office.code(), "coordinator");
        }

        String exchange() {
            return Tokens.token(office.code(), "exchange");
        }
    }

    static Office office() {
        String county = Fixtures.county();
        return new Office(county, Fixtures.unit(county, "OTHER"), Fixtures.department(county));
    }

    static Map<String, Object> item(String number, String title, Fixtures.Unit lead) {
        return Map.of("number", number, "title", title, "content", "Text of " + number + ".",
                "assignments", List.of(Map.of("unitId", lead.id(), "role", "LEAD")), "deadline", Map.of("kind", "LONG_TERM"));
    }

    /** A list of two long-term items; returns [list id, item ids...]. */
    static List<String> list(Office o) {
        Map<String, Object> input = Map.of("title", "List " + Fixtures.unique("L"), "issuerId", o.office().id(),
                "items", List.of(item("(一)", "First", o.department()), item("(二)", "Second", o.department())));
        JsonPath json = ok(o.coordinator(), CREATE_LIST, vars("i", input));
        List<String> ids = new ArrayList<>();
        ids.add(json.getString("data.createResponsibilityList.id"));
        ids.addAll(json.getList("data.createResponsibilityList.items.edges.node.id", String.class));
        return ids;
    }

    // ---------- the guarantee: a transaction that commits late is never skipped ----------

    @Test
    void aChangeThatCommitsAfterALaterOneIsStillReceivedFromTheStoredCursor() throws Exception {
        Office o = office();
        List<String> ids = list(o);
        String x = ids.get(1);
        String y = ids.get(2);
        Pulled before = pull(o.exchange(), null, null);
        assertEquals(2, before.changes().stream().filter(c -> "RESPONSIBILITY".equals(c.get("recordType"))).count());

        ExecutorService writer = Executors.newSingleThreadExecutor();
        Pulled during;
        try (Connection holder = dataSource.getConnection()) {
            // A second connection holds item X's row, so X's update waits inside its transaction.
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("select 1 from responsibility where id = " + x + " for update");
            }
            Future<JsonPath> slow = writer.submit(() -> ok(o.coordinator(), UPDATE,
                    vars("id", x, "v", 0, "i", item("(一)", "First, changed late", o.department()))));
            awaitBlockedWriter();
            // Y's update starts later and commits at once.
            ok(o.coordinator(), UPDATE, vars("id", y, "v", 0, "i", item("(二)", "Second, changed", o.department())));

            during = pull(o.exchange(), before.cursor(), null);
            // The feed holds back rather than pass the transaction still in flight: neither change yet.
            assertTrue(during.of("RESPONSIBILITY", x).isEmpty(), "X has not committed");
            assertTrue(during.of("RESPONSIBILITY", y).isEmpty(), "Y waits behind X's earlier transaction instead of moving the cursor past X");

            holder.rollback();
            slow.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }

        Pulled after = pull(o.exchange(), during.cursor(), null);
        Map<String, Object> changedX = after.of("RESPONSIBILITY", x).get(0);
        assertEquals("UPSERT", changedX.get("operation"));
        assertEquals("First, changed late", ((Map<?, ?>) changedX.get("record")).get("title"));
        assertEquals(1, changedX.get("version"));
        assertEquals("Second, changed", ((Map<?, ?>) after.of("RESPONSIBILITY", y).get(0).get("record")).get("title"));
        // Nothing new after that: the stored cursor is at the end.
        assertTrue(pull(o.exchange(), after.cursor(), null).changes().isEmpty());
    }

    /** Waits until some statement in the database waits for a lock (X's update behind the held row). */
    private void awaitBlockedWriter() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection watcher = dataSource.getConnection();
                PreparedStatement ps = watcher.prepareStatement("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and datname = current_database()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The update of X never waited for the held row");
    }

    // ---------- deletions and withdrawals ----------

    @Test
    void aRemovedItemIsADeleteAndAWithdrawnListAnUpsertCarryingItsWithdrawal() {
        Office o = office();
        List<String> ids = list(o);
        String listId = ids.get(0);
        String removed = ids.get(1);
        String cursor = pull(o.exchange(), null, null).cursor();

        ok(o.coordinator(), "mutation($id: ID!) { removeResponsibility(id: $id, version: 0) }", vars("id", removed));
        int listVersion = ok(o.coordinator(), "query($id: ID!) { responsibilityList(id: $id) { version } }", vars("id", listId))
                .getInt("data.responsibilityList.version");
        ok(o.coordinator(), "mutation($id: ID!, $v: Int!) { withdrawResponsibilityList(id: $id, version: $v, reason: \"Superseded\") "
                + "{ id } }", vars("id", listId, "v", listVersion));

        Pulled changes = pull(o.exchange(), cursor, null);
        Map<String, Object> deletion = changes.of("RESPONSIBILITY", removed).get(0);
        assertEquals("RESPONSIBILITY", deletion.get("recordType"));
        assertEquals("DELETE", deletion.get("operation"));
        assertNull(deletion.get("record"));
        Map<String, Object> withdrawal = changes.changes().stream()
                .filter(c -> "RESPONSIBILITY_LIST".equals(c.get("recordType")) && listId.equals(c.get("recordId"))).findFirst()
                .orElseThrow();
        assertEquals("UPSERT", withdrawal.get("operation"));
        assertNotNull(((Map<?, ?>) withdrawal.get("record")).get("withdrawnOn"));
        // One change per record in a page: the latest.
        assertEquals(changes.changes().size(), changes.changes().stream()
                .map(c -> c.get("recordType") + ":" + c.get("recordId")).distinct().count());
    }

    // ---------- scope and masking ----------

    @Test
    void anotherRegionSeesNothingOfOursAndPersonalDataStaysMaskedForExchangeAccounts() {
        Office ours = office();
        Office theirs = office();
        String person = Fixtures.person(ours.department(), List.of("SAFETY_MANAGER"), "110101199001011234", "13812345678");
        list(ours);

        Map<String, Object> change = pull(ours.exchange(), null, List.of("PERSON")).of("PERSON", person).get(0);
        Map<?, ?> record = (Map<?, ?>) change.get("record");
        assertEquals("Person", record.get("__typename"));
        assertEquals("1101**********1234", record.get("idNumber"));
        assertEquals("138****5678", record.get("phone"));
        assertEquals(ours.department().code(), ((Map<?, ?>) record.get("unit")).get("code"));
        // The office's coordinator sees the same change whole, as in every other query.
        Map<?, ?> whole = (Map<?, ?>) pull(ours.coordinator(), null, List.of("PERSON")).of("PERSON", person).get(0).get("record");
        assertEquals("110101199001011234", whole.get("idNumber"));

        Pulled foreign = pull(theirs.exchange(), null, null);
        assertTrue(foreign.of("PERSON", person).isEmpty());
        Set<String> ourUnits = Set.of(ours.office().id(), ours.department().id());
        assertTrue(foreign.changes().stream().noneMatch(c -> "UNIT".equals(c.get("recordType")) && ourUnits.contains(c.get("recordId"))));
        assertTrue(foreign.changes().stream().noneMatch(c -> "RESPONSIBILITY".equals(c.get("recordType"))),
                "no item of our region reaches another region's consumer");
    }

    @Test
    void aPageOfManyRecordsCostsAFewStatementsNotOnePerRecord() {
        Office o = office();
        for (int i = 0; i < 12; i++) {
            Fixtures.person(i % 2 == 0 ? o.office() : o.department(), List.of("SAFETY_MANAGER"), "11010119900101" + (1000 + i), null);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("t", List.of("PERSON", "UNIT"));
        assertEquals(14, ok(o.exchange(), CHANGES, variables).getList("data.changes.edges").size());
        long statements = SqlStatements.cost(sessionFactory, () -> ok(o.exchange(), CHANGES, variables));
        assertTrue(statements <= 12, "a page of 14 changes with records, units and regions took " + statements + " statements");
    }

    // ---------- hidden hazards and risk points ----------

    static final String HAZARD_CHANGES = "query($a: String) { changes(after: $a, first: 500, recordTypes: [HAZARD, RISK_POINT]) "
            + "{ pageInfo { hasNextPage endCursor } edges { node { recordType recordId operation version record { __typename "
            + "... on Hazard { id status grade verifiedOn riskPoint { id } interviews { heldBy interviewee } } "
            + "... on RiskPoint { id name level } } } } } }";

    /** The changes of hazards and risk points after the cursor, latest per record, pulled to the end. */
    static Map<String, Map<String, Object>> hazardChanges(String token, String after) {
        Map<String, Map<String, Object>> latest = new HashMap<>();
        String cursor = after;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("a", cursor);
            JsonPath page = ok(token, HAZARD_CHANGES, variables);
            List<Map<String, Object>> nodes = page.getList("data.changes.edges.node");
            nodes.forEach(n -> latest.put(n.get("recordType") + ":" + n.get("recordId"), n));
            cursor = page.getString("data.changes.pageInfo.endCursor");
            if (!page.getBoolean("data.changes.pageInfo.hasNextPage")) {
                return latest;
            }
        }
    }

    @Test
    void aHazardThroughItsLoopAndANewRiskPointReachTheRegionsConsumerMaskedAndNoOtherRegion() {
        HazardWorld world = HazardWorld.create();
        String exchange = Tokens.token(world.office().code(), "exchange");
        String cursor = pull(exchange, null, List.of("HAZARD", "RISK_POINT")).cursor();

        String point = ok(HazardWorld.editor(world.enterprise()), "mutation($i: RiskPointInput!) { createRiskPoint(input: $i) { id } }",
                vars("i", Map.of("unitId", world.enterprise().id(), "name", "Tank farm", "level", "ORANGE", "monitored", true)))
                .getString("data.createRiskPoint.id");
        Map<String, Object> input = world.input("GENERAL", "2026-03-02", null);
        input.put("riskPointId", point);
        String hazard = (String) world.report(input).get("id");
        String afterReport = pull(exchange, cursor, List.of("HAZARD")).cursor();
        ok(HazardWorld.editor(world.department()), "mutation($h: ID!, $i: InterviewInput!) { recordInterview(hazardId: $h, input: $i) { id } }",
                vars("h", hazard, "i", Map.of("heldOn", "2026-03-03", "heldBy", "区分管领导 王强", "interviewee", "法定代表人 张三")));
        // The interview (a child row) is a change of its hazard.
        Map<String, Map<String, Object>> afterInterview = hazardChanges(exchange, afterReport);
        assertEquals(Set.of("HAZARD:" + hazard), afterInterview.keySet());
        assertEquals(1, ((List<?>) ((Map<?, ?>) afterInterview.get("HAZARD:" + hazard).get("record")).get("interviews")).size());
        ok(HazardWorld.editor(world.enterprise()), "mutation($id: ID!, $v: Int!) { rectifyHazard(id: $id, version: $v, "
                + "rectifiedOn: \"2026-03-04\", evidence: \"Valve replaced\") { id } }",
                vars("id", hazard, "v", HazardWorld.hazard(hazard).getInt("data.hazard.version")));
        ok(HazardWorld.editor(world.department()), "mutation($id: ID!, $v: Int!) { verifyHazard(id: $id, version: $v, "
                + "verifiedOn: \"2026-03-05\", accepted: true) { id } }",
                vars("id", hazard, "v", HazardWorld.hazard(hazard).getInt("data.hazard.version")));
        int version = HazardWorld.hazard(hazard).getInt("data.hazard.version");

        Map<String, Map<String, Object>> changes = hazardChanges(exchange, cursor);
        Map<String, Object> pointChange = changes.get("RISK_POINT:" + point);
        assertEquals("UPSERT", pointChange.get("operation"));
        assertEquals(Map.of("__typename", "RiskPoint", "id", point, "name", "Tank farm", "level", "ORANGE"), pointChange.get("record"));
        Map<String, Object> hazardChange = changes.get("HAZARD:" + hazard);
        assertEquals(version, hazardChange.get("version"), "the latest change carries the verified version");
        Map<?, ?> record = (Map<?, ?>) hazardChange.get("record");
        assertEquals("VERIFIED", record.get("status"));
        assertEquals("2026-03-05", record.get("verifiedOn"));
        assertEquals(point, ((Map<?, ?>) record.get("riskPoint")).get("id"));
        // Interview names are personal data: masked for the exchange account as in hazard(id).
        assertEquals(List.of(Map.of("heldBy", "区*******", "interviewee", "法*******")), record.get("interviews"));

        Map<String, Map<String, Object>> foreign = hazardChanges(Tokens.token(office().office().code(), "exchange"), null);
        assertFalse(foreign.containsKey("HAZARD:" + hazard), "another region's consumer does not see our hazard");
        assertFalse(foreign.containsKey("RISK_POINT:" + point), "nor our risk point");
    }

    @Test
    void aPageOfHazardsWithTheirNestedFieldsCostsTheSameStatementsForThreeAsForTwelve() {
        HazardWorld world = HazardWorld.create();
        String exchange = Tokens.token(world.office().code(), "exchange");
        String cursor = pull(exchange, null, List.of("HAZARD")).cursor();
        String query = "query($a: String) { changes(after: $a, first: 500, recordTypes: [HAZARD]) { edges { node { record { "
                + "... on Hazard { id unit { code } supervisingUnit { code } riskPoint { name } extensions { status } "
                + "interviews { interviewee } } } } } } }";
        Map<String, Object> variables = new HashMap<>();
        variables.put("a", cursor);
        for (int i = 0; i < 3; i++) {
            world.report("GENERAL", "2026-03-02", null);
        }
        assertEquals(3, ok(exchange, query, variables).getList("data.changes.edges").size());
        long few = SqlStatements.cost(sessionFactory, () -> ok(exchange, query, variables));
        for (int i = 0; i < 9; i++) {
            world.report("GENERAL", "2026-03-02", null);
        }
        assertEquals(12, ok(exchange, query, variables).getList("data.changes.edges").size());
        long many = SqlStatements.cost(sessionFactory, () -> ok(exchange, query, variables));
        assertEquals(few, many, "statements for 3 hazards: " + few + ", for 12: " + many);
    }

    // ---------- every record type ----------

    @Test
    void everyExchangedTableReportsItsRecordsAndTheirChildrenAsChangesOfTheirRecordType() throws Exception {
        Office o = office();
        String person = Fixtures.person(o.department(), List.of("SAFETY_MANAGER"), null, null);
        List<String> ids = list(o);
        ok(o.coordinator(), "mutation($i: ProgressReportInput!) { reportProgress(input: $i) { id } }", vars("i", Map.of(
                "responsibilityId", ids.get(1), "unitId", o.department().id(), "reportedOn", TestClock.today().toString(), "summary", "Started.", "completed", false)));
        String cursor = pull(o.exchange(), null, null).cursor();
        long office = Long.parseLong(o.office().id());
        long department = Long.parseLong(o.department().id());
        Map<String, Long> made = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            // Writers other than this service's own (a migration, an operator's SQL) are in the feed as well.
            long mechanism = insert(c, "insert into linkage_mechanism (name, kind, lead_unit_id) values ('M', 'OTHER', ?)", office);
            insert(c, "insert into linkage_participant (mechanism_id, unit_id, position) values (?, ?, 1)", mechanism, department);
            long activation = insert(c, "insert into linkage_activation (mechanism_id, kind, started_at, drew_in_non_participants)"
                    + " values (?, 'DRILL', ?, false)", mechanism, TestClock.now());
            long plan = insert(c, "insert into plan (title, kind, period_start, period_end, region_code) values ('P', 'ANNUAL',"
                    + " '2026-01-01', '2026-12-31', '" + o.county() + "')");
            long indicator = insert(c, "insert into indicator (plan_id, sequence, name, comparator, target_value, nature) values"
                    + " (?, 1, 'I', 'LE', 5, 'BINDING')", plan);
            long observation = insert(c, "insert into observation (indicator_id, period, period_kind, period_start, period_end, value,"
                    + " recorded_at) values (?, '2026', 'YEAR', '2026-01-01', '2026-12-31', 3, ?)", indicator, TestClock.now());
            long committee = insert(c, "insert into committee (name, unit_id, established_on, frequency, minimum_meetings) values"
                    + " ('C', ?, '2025-01-01', 'QUARTERLY', 1)", office);
            long meeting = insert(c, "insert into meeting (committee_id, held_on, kind) values (?, '2026-02-01', 'PLENARY')", committee);
            long rule = insert(c, "insert into training_rule (region_code, role, kind) values ('" + o.county()
                    + "', 'SAFETY_MANAGER', 'INDUCTION')");
            long training = insert(c, "insert into training_record (person_id, kind, completed_on, passed) values (?, 'INDUCTION',"
                    + " '2026-01-05', true)", Long.parseLong(person));
            long alert = insert(c, "insert into alert (kind, subject_id, unit_id, message, raised_at, period) values"
                    + " ('MISSED_MEETING', ?, ?, 'Missed', ?, '2025-Q1')", committee, office, TestClock.now());
            long riskPoint = insert(c, "insert into risk_point (unit_id, name, level) values (?, 'Tank farm', 'RED')", department);
            long hazard = insert(c, "insert into hazard (unit_id, region_code, supervising_unit_id, grade, source, description, found_on,"
                    + " due_on, risk_point_id) values (?, '" + o.county() + "', ?, 'GENERAL', 'INSPECTION', 'Leaking valve', '2026-02-01',"
                    + " '2026-02-01', ?)", department, office, riskPoint);
            long action = insert(c, "insert into supervision_action (alert_id, step, issued_on, issued_by_id, target_id) values"
                    + " (?, 'REMINDER_LETTER', '2026-02-02', ?, ?)", alert, office, office);
            long dutyRule = insert(c, "insert into duty_rule (title, kind, frequency, minimum, region_code, unit_kinds, effective_from)"
                    + " values ('R', 'DRILL', 'YEAR', 1, '" + o.county() + "', '{DEPARTMENT}', '2026-01-01')");
            long dutyEvent = insert(c, "insert into duty_event (rule_id, unit_id, period, happened_on, recorded_by) values"
                    + " (?, ?, '2026', '2026-02-01', 'operator')", dutyRule, department);
            long inspection = insert(c, "insert into inspection (unit_id, kind, held_on) values (?, 'SELF', '2026-02-01')", department);
            long emergencyPlan = insert(c, "insert into emergency_plan (unit_id, title, plan_version) values (?, 'P', 'v1')", department);
            long drill = insert(c, "insert into drill (unit_id, held_on, kind) values (?, '2026-02-01', 'DESK')", department);
            made.putAll(Map.of("RISK_POINT", riskPoint, "HAZARD", hazard, "SUPERVISION_ACTION", action));
            made.putAll(Map.of("DUTY_RULE", dutyRule, "DUTY_EVENT", dutyEvent, "INSPECTION", inspection, "EMERGENCY_PLAN", emergencyPlan,
                    "DRILL", drill));
            made.putAll(Map.of("LINKAGE_MECHANISM", mechanism, "LINKAGE_ACTIVATION", activation, "PLAN", plan, "INDICATOR", indicator,
                    "OBSERVATION", observation, "COMMITTEE", committee, "MEETING", meeting, "TRAINING_RULE", rule, "TRAINING_RECORD",
                    training, "ALERT", alert));
            String beforeChildren = pull(o.exchange(), cursor, null).cursor();
            // Children: a change to one is a change of the record a consumer stores it with.
            insert(c, "insert into linkage_activation_unit (activation_id, unit_id, participant, position) values (?, ?, true, 1)",
                    activation, department);
            insert(c, "insert into plan_task (plan_id, number, title, position) values (?, '1', 'T', 1)", plan);
            insert(c, "insert into committee_member (committee_id, unit_id, position) values (?, ?, 1) returning committee_id",
                    committee, department);
            insert(c, "insert into meeting_attendee (meeting_id, unit_id, position) values (?, ?, 1) returning meeting_id",
                    meeting, department);
            insert(c, "insert into hazard_extension (hazard_id, previous_due_on, requested_due_on, reason) values"
                    + " (?, '2026-02-01', '2026-02-20', 'Parts on order') returning hazard_id", hazard);
            insert(c, "insert into hazard_interview (hazard_id, held_on, held_by, interviewee) values"
                    + " (?, '2026-02-05', 'W', 'Z') returning hazard_id", hazard);
            insert(c, "insert into inspection_hazard (inspection_id, hazard_id) values (?, ?) returning inspection_id", inspection, hazard);
            Map<String, Object> byType = new HashMap<>();
            pull(o.exchange(), beforeChildren, null).changes().forEach(ch -> byType.put((String) ch.get("recordType"), ch.get("recordId")));
            assertEquals(Map.of("LINKAGE_ACTIVATION", String.valueOf(activation), "PLAN", String.valueOf(plan),
                    "COMMITTEE", String.valueOf(committee), "MEETING", String.valueOf(meeting), "HAZARD", String.valueOf(hazard),
                    "INSPECTION", String.valueOf(inspection)), byType);
        }
        made.put("UNIT", Long.parseLong(o.department().id()));
        made.put("PERSON", Long.parseLong(person));
        made.put("RESPONSIBILITY_LIST", Long.parseLong(ids.get(0)));
        made.put("RESPONSIBILITY", Long.parseLong(ids.get(1)));

        Pulled all = pull(Tokens.token(o.office().code(), "exchange"), null, null);
        Map<String, String> typeNames = Map.ofEntries(Map.entry("UNIT", "Unit"), Map.entry("PERSON", "Person"),
                Map.entry("RESPONSIBILITY_LIST", "ResponsibilityList"), Map.entry("RESPONSIBILITY", "Responsibility"),
                Map.entry("PROGRESS_REPORT", "ProgressReport"), Map.entry("LINKAGE_MECHANISM", "LinkageMechanism"),
                Map.entry("LINKAGE_ACTIVATION", "LinkageActivation"), Map.entry("PLAN", "Plan"), Map.entry("INDICATOR", "Indicator"),
                Map.entry("OBSERVATION", "Observation"), Map.entry("COMMITTEE", "Committee"), Map.entry("MEETING", "Meeting"),
                Map.entry("TRAINING_RULE", "TrainingRule"), Map.entry("TRAINING_RECORD", "TrainingRecord"), Map.entry("ALERT", "Alert"),
                Map.entry("HAZARD", "Hazard"), Map.entry("RISK_POINT", "RiskPoint"), Map.entry("SUPERVISION_ACTION", "SupervisionAction"),
                Map.entry("DUTY_RULE", "DutyRule"), Map.entry("DUTY_EVENT", "DutyEvent"), Map.entry("INSPECTION", "Inspection"),
                Map.entry("EMERGENCY_PLAN", "EmergencyPlan"), Map.entry("DRILL", "Drill"));
        for (RecordType type : RecordType.values()) {
            List<Map<String, Object>> ofType = all.changes().stream().filter(ch -> type.name().equals(ch.get("recordType"))).toList();
            assertFalse(ofType.isEmpty(), "no change of " + type);
            Long id = made.get(type.name());
            if (id != null) {
                assertTrue(ofType.stream().anyMatch(ch -> String.valueOf(id).equals(ch.get("recordId"))), type + " " + id + " missing");
            }
            for (Map<String, Object> ch : ofType) {
                assertEquals(typeNames.get(type.name()), ((Map<?, ?>) ch.get("record")).get("__typename"), type + " resolves to its type");
            }
        }
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.contains("returning") ? sql : sql + " returning id")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------- cursors ----------

    @Test
    void aCursorOlderThanTheKeptDeletionsIsRefusedWithAnInstructionToReExport() throws SQLException {
        Office o = office();
        list(o);
        String old = pull(o.exchange(), null, null).cursor();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into change_log (record_type, record_id, operation, region_path, changed_at)"
                        + " values ('RESPONSIBILITY', -1, 'DELETE', '/nowhere/', ?)")) {
            // A deletion recorded after that cursor but long enough ago to be pruned by the checks.
            // changed_at is the database's time (the change-feed trigger's), so the test writes it as of the service's clock.
            s.setObject(1, TestClock.now().minusDays(100));
            s.execute();
        }
        ok(Tokens.admin(), "mutation($d: Date!) { runChecks(asOf: $d) { asOf } }",
                vars("d", TestClock.today().toString()));

        JsonPath refused = post(o.exchange(), CHANGES, vars("a", old)).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"));
        assertTrue(refused.getString("errors[0].message").contains("Re-export"), refused.getString("errors[0].message"));
        // Starting over works, and gives a cursor that is accepted.
        String fresh = pull(o.exchange(), null, null).cursor();
        assertTrue(pull(o.exchange(), fresh, null).changes().isEmpty());
    }

    @Test
    void aCursorTheServiceDidNotIssueOrAPageSizeOutOfRangeIsBadInput() {
        String exchange = Tokens.token(office().office().code(), "exchange");
        assertEquals("BAD_USER_INPUT", errorCode(exchange, CHANGES, vars("a", "not-a-cursor")));
        assertEquals("BAD_USER_INPUT", errorCode(exchange, "{ changes(first: 0) { pageInfo { endCursor } } }"));
        assertEquals("BAD_USER_INPUT", errorCode(exchange, "{ changes(first: 1001) { pageInfo { endCursor } } }"));
        assertEquals("UNAUTHENTICATED", errorCode(null, "{ changes { pageInfo { endCursor } } }"));
    }
}
