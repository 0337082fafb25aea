package cn.worksafety.security;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sql.DataSource;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;

/**
 * The small world of the scope matrix (RoleMatrixTest): a city with two sibling counties. The caller
 * of every cell acts from unit A of the first county; each {@link Scope} names a unit of its own
 * (A itself, B beside it in the same county, D in the sibling county, P in the city above) and a
 * record of every kind that unit owns, made once by an admin. {@link #calls} holds one argument
 * builder per scope row of docs/security.md: given a scope it returns the call that targets that
 * scope's record. Builders of calls that use up their record (withdraw, retire, rectify, ...) make a
 * fresh one on each call, so the cells do not depend on their order.
 */
final class ScopeWorld {

    /** Where the record a call targets lies, seen from the caller's unit A. */
    enum Scope {
        OWN_UNIT, OWN_REGION, OTHER_REGION, ABOVE
    }

    /** One GraphQL call: the document and its variables. */
    record Call(String document, Map<String, Object> variables) {
    }

    private static final AtomicInteger DAYS = new AtomicInteger();
    private static final AtomicInteger RULES = new AtomicInteger();
    private static final List<String> PERSON_ROLES = List.of("ENFORCEMENT_OFFICER", "PRINCIPAL_PERSON", "SAFETY_MANAGER",
            "SPECIAL_OPERATOR");
    private static final List<String> TRAINING_KINDS = List.of("ASSESSMENT", "CERTIFICATE", "INDUCTION", "REFRESHER");
    /** A day in the past in the service's zone, far enough from midnight that the zones agree. */
    private static final LocalDate TODAY = TestClock.today().minusDays(2);

    private final DataSource dataSource;
    final String city;
    final String county;
    final String sibling;
    /** Per scope: the unit, another unit of the same region (a mechanism's participant), its region. */
    private final Map<Scope, Fixtures.Unit> unit = new LinkedHashMap<>();
    private final Map<Scope, Fixtures.Unit> partner = new LinkedHashMap<>();
    private final Map<Scope, String> region = new LinkedHashMap<>();
    /** Per scope and record kind ("person", "committee", ...): the record's id. */
    private final Map<Scope, Map<String, String>> records = new LinkedHashMap<>();
    /** A unit of the caller's county that takes part in nothing: named in activations as a non-participant. */
    private final Fixtures.Unit outsider;

    ScopeWorld(DataSource dataSource) {
        this.dataSource = dataSource;
        city = region(Fixtures.unique("C"), "CITY", null);
        county = region(Fixtures.unique("K"), "COUNTY", city);
        sibling = region(Fixtures.unique("K"), "COUNTY", city);
        Map<Scope, String> regions = Map.of(Scope.OWN_UNIT, county, Scope.OWN_REGION, county, Scope.OTHER_REGION, sibling,
                Scope.ABOVE, city);
        for (Scope scope : Scope.values()) {
            region.put(scope, regions.get(scope));
            unit.put(scope, Fixtures.department(regions.get(scope)));
        }
        for (Scope scope : Scope.values()) {
            // A's partner is B, so that B's mechanism needs a partner of its own in the county.
            partner.put(scope, scope == Scope.OWN_UNIT ? unit.get(Scope.OWN_REGION) : Fixtures.department(regions.get(scope)));
        }
        outsider = Fixtures.department(county);
        // Each region's park command and emergency bureau is its scope unit: A signs and files for its county.
        for (Scope scope : List.of(Scope.OWN_UNIT, Scope.OTHER_REGION, Scope.ABOVE)) {
            for (String role : List.of("PARK_COMMAND", "EMERGENCY_BUREAU")) {
                ok(Tokens.admin(), "mutation($r: ID!, $role: DesignationRole!, $u: ID!) { designateUnit(regionCode: $r, "
                        + "role: $role, unitId: $u) { role } }", vars("r", regions.get(scope), "role", role, "u", unit.get(scope).id()));
            }
        }
        for (Scope scope : Scope.values()) {
            records.put(scope, build(scope));
        }
    }

    /** The caller's unit code (unit A). */
    String callerUnit() {
        return unit.get(Scope.OWN_UNIT).code();
    }

    private static String region(String code, String level, String parent) {
        Map<String, Object> input = new HashMap<>(Map.of("code", code, "name", "Region " + code, "level", level));
        if (parent != null) {
            input.put("parentCode", parent);
        }
        ok(Tokens.admin(), "mutation($i: RegionInput!) { createRegion(input: $i) { code } }", vars("i", input));
        return code;
    }

    private Map<String, String> build(Scope scope) {
        Map<String, String> r = new HashMap<>();
        Fixtures.Unit u = unit.get(scope);
        r.put("person", Fixtures.person(u, List.of("SAFETY_MANAGER"), null, null));
        r.put("committee", admin("createCommittee", "CommitteeInput", committeeInput(u)).get("id"));
        r.put("meeting", meeting(r.get("committee")));
        r.put("mechanism", mechanism(scope));
        Map<String, String> plan = admin("createPlan", "PlanInput", planInput(u, null, null), "id indicators { id } tasks { id }");
        r.put("plan", plan.get("id"));
        r.put("indicator", plan.get("indicators[0].id"));
        r.put("task", plan.get("tasks[0].id"));
        r.put("ownIndicator", scope == Scope.OTHER_REGION ? r.get("indicator")
                : admin("createPlan", "PlanInput", planInput(u, unit.get(Scope.OWN_UNIT), null, null), "id indicators { id } tasks { id }")
                        .get("indicators[0].id"));
        Map<String, String> list = admin("createResponsibilityList", "ResponsibilityListInput", listInput(u),
                "id items(first: 1) { edges { node { id } } }");
        r.put("list", list.get("id"));
        r.put("item", list.get("items.edges[0].node.id"));
        r.put("training", admin("recordTraining", "TrainingRecordInput", trainingInput(r.get("person"))).get("id"));
        r.put("hazard", hazard(u));
        r.put("dutyRule", admin("createDutyRule", "DutyRuleInput", dutyRuleInput(List.of(u.id()), null)).get("id"));
        r.put("kindRule", admin("createDutyRule", "DutyRuleInput", dutyRuleInput(List.of(), region.get(scope))).get("id"));
        return r;
    }

    // ---------- inputs ----------

    private static Map<String, Object> committeeInput(Fixtures.Unit u) {
        return Map.of("unitId", u.id(), "name", "Committee " + Fixtures.unique("M"), "establishedOn", "2024-01-01",
                "rule", Map.of("frequency", "ANNUAL", "minimumMeetings", 1));
    }

    private Map<String, Object> mechanismInput(Scope scope) {
        return Map.of("name", "Mechanism " + Fixtures.unique("L"), "kind", "COORDINATED_ENFORCEMENT", "leadUnitId",
                unit.get(scope).id(), "participants", List.of(Map.of("unitId", partner.get(scope).id())));
    }

    private static Map<String, Object> planInput(Fixtures.Unit u, String indicatorId, String taskId) {
        return planInput(u, u, indicatorId, taskId);
    }

    /** A plan issued by {@code u} with one yearly indicator that {@code responsible} answers for, and one task. */
    private static Map<String, Object> planInput(Fixtures.Unit u, Fixtures.Unit responsible, String indicatorId, String taskId) {
        Map<String, Object> indicator = new HashMap<>(Map.of("sequence", 1, "name", "Deaths", "nature", "BINDING",
                "periodKind", "YEAR", "responsibleUnitId", responsible.id(), "target", Map.of("comparator", "LE", "value", 10.0)));
        Map<String, Object> task = new HashMap<>(Map.of("number", "1", "title", "Task", "leadUnitId", u.id()));
        if (indicatorId != null) {
            indicator.put("id", indicatorId);
            task.put("id", taskId);
        }
        return Map.of("title", "Plan " + Fixtures.unique("P"), "kind", "FIVE_YEAR", "periodStart", "2021-01-01",
                "periodEnd", "2025-12-31", "issuerId", u.id(), "indicators", List.of(indicator), "tasks", List.of(task));
    }

    private static Map<String, Object> itemInput(Fixtures.Unit u) {
        return Map.of("number", Fixtures.unique("N"), "title", "Measure", "content", "What to do.",
                "assignments", List.of(Map.of("unitId", u.id(), "role", "LEAD")), "deadline", Map.of("kind", "LONG_TERM"));
    }

    private static Map<String, Object> listInput(Fixtures.Unit u) {
        return Map.of("title", "List " + Fixtures.unique("R"), "issuerId", u.id(), "issuedOn", "2025-01-10",
                "items", List.of(itemInput(u)));
    }

    private static Map<String, Object> trainingInput(String person) {
        return Map.of("personId", person, "kind", "INDUCTION", "completedOn", "2025-03-01", "passed", true, "hours", 8.0);
    }

    private static Map<String, Object> hazardInput(Fixtures.Unit u) {
        Map<String, Object> input = new HashMap<>(Map.of("unitId", u.id(), "supervisingUnitId", u.id(), "grade", "GENERAL",
                "source", "INSPECTION", "description", "Hazard " + Fixtures.unique("H"), "foundOn", TODAY.minusDays(30).toString()));
        input.put("dueOn", TODAY.plusDays(30).toString());
        return input;
    }

    /**
     * A monthly meeting duty naming the units, or binding the departments of the region and below. It
     * applies from next year, so that no check raises alerts for the world's units meanwhile.
     */
    private static Map<String, Object> dutyRuleInput(List<String> unitIds, String regionCode) {
        Map<String, Object> input = new HashMap<>(Map.of("title", "Duty " + Fixtures.unique("D"), "kind", "MEETING", "frequency",
                "MONTH", "minimum", 1, "effectiveFrom", TODAY.plusYears(1).toString(), "unitIds", unitIds));
        if (regionCode != null) {
            input.put("regionCode", regionCode);
            input.put("unitKinds", List.of("DEPARTMENT"));
        }
        return input;
    }

    private static Map<String, Object> remediationPlan() {
        return Map.of("responsibility", "Manager", "measures", "Fix it", "funds", "10,000 yuan", "timeLimit",
                TODAY.plusDays(20).toString(), "contingency", "Stand by");
    }

    // ---------- fresh records (made by an admin) ----------

    private String meeting(String committee) {
        String heldOn = LocalDate.of(2024, 1, 2).plusDays(DAYS.incrementAndGet()).toString();
        return admin("recordMeeting", "MeetingInput", Map.of("committeeId", committee, "heldOn", heldOn, "kind", "PLENARY"))
                .get("id");
    }

    private String mechanism(Scope scope) {
        return admin("createLinkageMechanism", "LinkageMechanismInput", mechanismInput(scope)).get("id");
    }

    private String hazard(Fixtures.Unit u) {
        return admin("reportHazard", "HazardInput", hazardInput(u)).get("id");
    }

    /** A fresh open alert of the scope's unit, raised before TODAY so that supervision may be issued on TODAY. */
    private String alert(Scope scope) {
        return String.valueOf(insert("insert into alert (kind, subject_id, unit_id, message, raised_at, period) values "
                + "('MISSED_MEETING', ?, ?, 'Scope matrix alert', ?, '2025') returning id",
                -1_000_000L - DAYS.incrementAndGet(), Long.parseLong(unit.get(scope).id()), TestClock.now().minusDays(10)));
    }

    private String rectifiedHazard(Scope scope) {
        String id = hazard(unit.get(scope));
        ok(Tokens.admin(), "mutation($id: ID!, $v: Int!, $on: Date!) { rectifyHazard(id: $id, version: $v, rectifiedOn: $on, "
                + "evidence: \"Photo\") { id } }", vars("id", id, "v", version("hazard", id), "on", TODAY.toString()));
        return id;
    }

    /** Runs {@code mutation($i: <type>!) { <operation>(input: $i) { <selection> } }} as an admin; the selection's paths. */
    private static Map<String, String> admin(String operation, String type, Map<String, Object> input, String selection) {
        var json = ok(Tokens.admin(), "mutation($i: " + type + "!) { " + operation + "(input: $i) { " + selection + " } }",
                vars("i", input));
        Map<String, String> values = new HashMap<>();
        for (String path : List.of("id", "indicators[0].id", "tasks[0].id", "items.edges[0].node.id")) {
            Object value = json.get("data." + operation + "." + path);
            if (value != null) {
                values.put(path, value.toString());
            }
        }
        return values;
    }

    private static Map<String, String> admin(String operation, String type, Map<String, Object> input) {
        return admin(operation, type, input, "id");
    }

    /** The current version of a record, read so that an allowed update is not refused as stale. */
    int version(String table, String id) {
        return (int) query("select version from " + table + " where id = ?", Long.parseLong(id));
    }

    private long insert(String sql, Object... parameters) {
        return query(sql, parameters);
    }

    private long query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------- the argument builders, one per scope row ----------

    private static Call call(String document, Object... variables) {
        return new Call(document, vars(variables));
    }

    private String id(Scope scope, String kind) {
        return records.get(scope).get(kind);
    }

    /** Row label of docs/security.md's scope table -> the call that targets a record of the scope. */
    final Map<String, Function<Scope, Call>> calls = new LinkedHashMap<>();
    {
        // Queries that name one record: a record outside the caller's reading answers NOT_FOUND.
        for (String[] byId : new String[][] { { "unit", null }, { "person", "person" }, { "committee", "committee" },
                { "linkageMechanism", "mechanism" }, { "plan", "plan" }, { "responsibilityList", "list" },
                { "responsibility", "item" }, { "hazard", "hazard" } }) {
            calls.put(byId[0], s -> call("query($id: ID!) { " + byId[0] + "(id: $id) { id } }", "id",
                    byId[1] == null ? unit.get(s).id() : id(s, byId[1])));
        }
        calls.put("hazardLedger", s -> call("query($r: ID!) { hazardLedger(regionCode: $r, period: \"2025\") { __typename } }",
                "r", region.get(s)));

        // The organisation register.
        calls.put("createUnit", s -> {
            Map<String, Object> input = new HashMap<>(Map.of("code", Fixtures.unique("U"), "name", "New unit", "kind",
                    "DEPARTMENT", "regionCode", region.get(s)));
            input.put("parentId", unit.get(s).id());
            return call("mutation($i: UnitInput!) { createUnit(input: $i) { id } }", "i", input);
        });
        calls.put("createPerson", s -> call("mutation($i: PersonInput!) { createPerson(input: $i) { id } }", "i",
                Map.of("name", "New person", "unitId", unit.get(s).id(), "roles", List.of("SAFETY_MANAGER"))));
        calls.put("designateUnit", s -> call("mutation($r: ID!, $u: ID!) { designateUnit(regionCode: $r, role: COMMITTEE_OFFICE, "
                + "unitId: $u) { role } }", "r", region.get(s), "u", unit.get(s).id()));

        // Committees.
        calls.put("createCommittee", s -> call("mutation($i: CommitteeInput!) { createCommittee(input: $i) { id } }", "i",
                committeeInput(unit.get(s))));
        calls.put("updateCommittee", s -> call("mutation($id: ID!, $v: Int!) { updateCommittee(id: $id, version: $v, "
                + "input: { name: \"Renamed\" }) { id } }", "id", id(s, "committee"), "v", version("committee", id(s, "committee"))));
        calls.put("recordMeeting", s -> call("mutation($i: MeetingInput!) { recordMeeting(input: $i) { id } }", "i",
                Map.of("committeeId", id(s, "committee"), "heldOn", LocalDate.of(2024, 1, 2).plusDays(DAYS.incrementAndGet())
                        .toString(), "kind", "PLENARY")));
        calls.put("correctMeeting", s -> call("mutation($id: ID!, $v: Int!) { correctMeeting(id: $id, version: $v, "
                + "input: { summary: \"Corrected\" }) { id } }", "id", id(s, "meeting"), "v", version("meeting", id(s, "meeting"))));
        calls.put("withdrawMeeting", s -> {
            String meeting = meeting(id(s, "committee"));
            return call("mutation($id: ID!, $v: Int!) { withdrawMeeting(id: $id, version: $v, reason: \"Entered twice\") { id } }",
                    "id", meeting, "v", version("meeting", meeting));
        });

        // Linkage mechanisms.
        calls.put("createLinkageMechanism", s -> call("mutation($i: LinkageMechanismInput!) { createLinkageMechanism(input: $i) "
                + "{ id } }", "i", mechanismInput(s)));
        calls.put("updateLinkageMechanism", s -> call("mutation($id: ID!, $v: Int!, $i: LinkageMechanismInput!) { "
                + "updateLinkageMechanism(id: $id, version: $v, input: $i) { id } }", "id", id(s, "mechanism"), "v",
                version("linkage_mechanism", id(s, "mechanism")), "i", mechanismInput(s)));
        calls.put("retireLinkageMechanism", s -> {
            String mechanism = mechanism(s);
            return call("mutation($id: ID!, $v: Int!) { retireLinkageMechanism(id: $id, version: $v) { id } }", "id", mechanism,
                    "v", version("linkage_mechanism", mechanism));
        });
        calls.put("recordActivation", s -> activation(id(s, "mechanism"), List.of(unit.get(s).id())));
        // The caller's own mechanism (A leads, B takes part), naming A and a unit of the scope that does not take part.
        calls.put("recordActivation naming a non-participant", s -> activation(id(Scope.OWN_UNIT, "mechanism"),
                s == Scope.OWN_UNIT ? List.of(unit.get(s).id()) : List.of(unit.get(Scope.OWN_UNIT).id(), nonParticipant(s).id())));

        // Plans.
        calls.put("createPlan", s -> call("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", "i",
                planInput(unit.get(s), null, null)));
        calls.put("updatePlan", s -> call("mutation($id: ID!, $v: Int!, $i: PlanInput!) { updatePlan(id: $id, version: $v, "
                + "input: $i) { id } }", "id", id(s, "plan"), "v", version("plan", id(s, "plan")), "i",
                planInput(unit.get(s), id(s, "indicator"), id(s, "task"))));
        calls.put("linkPlanTask", s -> call("mutation($t: ID!) { linkPlanTask(taskId: $t, responsibilityId: null) { id } }",
                "t", id(s, "task")));
        calls.put("recordObservation", s -> observation(id(s, "indicator")));
        // A plan of the scope's region whose indicator names the caller's unit A as responsible: the responsible unit
        // records wherever the plan lies. A sibling county's plan cannot name A (its units lie in the plan's region).
        calls.put("recordObservation on an indicator of the caller's unit", s -> observation(id(s, "ownIndicator")));

        // Responsibility lists.
        calls.put("createResponsibilityList", s -> call("mutation($i: ResponsibilityListInput!) { createResponsibilityList("
                + "input: $i) { id } }", "i", listInput(unit.get(s))));
        calls.put("addResponsibility", s -> call("mutation($l: ID!, $i: ResponsibilityInput!) { addResponsibility(listId: $l, "
                + "input: $i) { id } }", "l", id(s, "list"), "i", itemInput(unit.get(s))));
        calls.put("updateResponsibility", s -> call("mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) { "
                + "updateResponsibility(id: $id, version: $v, input: $i) { id } }", "id", id(s, "item"), "v",
                version("responsibility", id(s, "item")), "i", itemInput(unit.get(s))));
        calls.put("reassignResponsibility", s -> call("mutation($id: ID!, $v: Int!, $a: [AssignmentInput!]!) { "
                + "reassignResponsibility(id: $id, version: $v, assignments: $a) { id } }", "id", id(s, "item"), "v",
                version("responsibility", id(s, "item")), "a", List.of(Map.of("unitId", unit.get(s).id(), "role", "LEAD"))));
        calls.put("removeResponsibility", s -> {
            String item = ok(Tokens.admin(), "mutation($l: ID!, $i: ResponsibilityInput!) { addResponsibility(listId: $l, "
                    + "input: $i) { id } }", vars("l", id(s, "list"), "i", itemInput(unit.get(s)))).getString("data.addResponsibility.id");
            return call("mutation($id: ID!, $v: Int!) { removeResponsibility(id: $id, version: $v) }", "id", item, "v",
                    version("responsibility", item));
        });
        calls.put("withdrawResponsibilityList", s -> {
            String list = admin("createResponsibilityList", "ResponsibilityListInput", listInput(unit.get(s))).get("id");
            return call("mutation($id: ID!, $v: Int!) { withdrawResponsibilityList(id: $id, version: $v) { id } }", "id", list,
                    "v", version("responsibility_list", list));
        });
        calls.put("reportProgress", s -> call("mutation($i: ProgressReportInput!) { reportProgress(input: $i) { id } }", "i",
                Map.of("responsibilityId", id(s, "item"), "unitId", unit.get(s).id(), "completed", false, "reportedOn",
                        TODAY.toString(), "summary", "Under way")));

        // Training.
        // One rule per region, role and kind: each call asks for another pair.
        calls.put("createTrainingRule", s -> {
            int n = RULES.getAndIncrement();
            return call("mutation($r: ID!, $role: PersonRole!, $kind: TrainingKind!) { createTrainingRule(input: { role: $role, "
                    + "kind: $kind, regionCode: $r, validityMonths: 12 }) { id } }", "r", region.get(s), "role",
                    PERSON_ROLES.get(n % PERSON_ROLES.size()), "kind", TRAINING_KINDS.get(n / PERSON_ROLES.size() % TRAINING_KINDS.size()));
        });
        calls.put("recordTraining", s -> call("mutation($i: TrainingRecordInput!) { recordTraining(input: $i) { id } }", "i",
                trainingInput(id(s, "person"))));
        calls.put("correctTrainingRecord", s -> call("mutation($id: ID!, $v: Int!) { correctTrainingRecord(id: $id, version: $v, "
                + "input: { kind: INDUCTION, completedOn: \"2025-03-02\", passed: true }) { id } }", "id", id(s, "training"), "v",
                version("training_record", id(s, "training"))));

        // Alerts: a fresh one per call, as acknowledging or resolving uses it up.
        calls.put("acknowledgeAlert", s -> call("mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }", "id", alert(s)));
        calls.put("resolveAlert", s -> call("mutation($id: ID!) { resolveAlert(id: $id, note: \"Held the meeting\") { id } }",
                "id", alert(s)));

        // Supervision: fresh alerts and steps, as closing, issuing and replying use them up.
        calls.put("closeAlert", s -> call("mutation($id: ID!) { closeAlert(id: $id, reason: \"Out of our hands\") { id } }",
                "id", alert(s)));
        calls.put("issueSupervision", s -> call("mutation($id: ID!, $on: Date!) { issueSupervision(alertId: $id, "
                + "step: REMINDER_LETTER, issuedOn: $on) { id } }", "id", alert(s), "on", TODAY.toString()));
        calls.put("replyToSupervision", s -> call("mutation($id: ID!, $on: Date!) { replyToSupervision(actionId: $id, "
                + "reply: \"Meeting held\", repliedOn: $on) { id } }", "id", supervisionAction(s), "on", TODAY.toString()));
        // TRAINING_EXPIRING: not the kind of the world's alerts, whose default ladder issueSupervision uses.
        calls.put("setSupervisionLadder", s -> call("mutation($r: ID!) { setSupervisionLadder(alertKind: TRAINING_EXPIRING, "
                + "regionCode: $r, steps: [{ step: REMINDER_LETTER, afterDays: 0 }]) { alertKind } }", "r", region.get(s)));
        calls.put("supervisionBoard", s -> call("query($r: ID!) { supervisionBoard(regionCode: $r) { totalCount } }",
                "r", region.get(s)));

        // Recurring duties.
        calls.put("createDutyRule", s -> call("mutation($i: DutyRuleInput!) { createDutyRule(input: $i) { id } }", "i",
                dutyRuleInput(List.of(unit.get(s).id()), null)));
        calls.put("createDutyRule binding by kind in the scope's region", s -> call("mutation($i: DutyRuleInput!) { "
                + "createDutyRule(input: $i) { id } }", "i", dutyRuleInput(List.of(), region.get(s))));
        calls.put("dutyCompliance", s -> call("query($r: ID!, $u: ID!, $y: Int!) { dutyCompliance(ruleId: $r, unitId: $u, "
                + "year: $y) { period } }", "r", id(s, "dutyRule"), "u", unit.get(s).id(), "y", TODAY.getYear()));
        calls.put("recordDutyEvent", s -> dutyEvent(id(s, "dutyRule"), unit.get(s)));
        calls.put("recordDutyEvent on a rule of the scope's region binding the caller's unit", s -> dutyEvent(id(s, "kindRule"),
                unit.get(Scope.OWN_UNIT)));
        calls.put("recordInspection", s -> call("mutation($i: InspectionInput!) { recordInspection(input: $i) { id } }", "i",
                Map.of("unitId", unit.get(s).id(), "kind", "SPECIAL", "heldOn", TODAY.toString(), "enterpriseIds", List.of())));
        calls.put("registerEmergencyPlan", s -> call("mutation($i: EmergencyPlanInput!) { registerEmergencyPlan(input: $i) "
                + "{ id } }", "i", Map.of("unitId", unit.get(s).id(), "title", "Emergency plan", "version", "2026")));
        calls.put("recordDrill", s -> call("mutation($i: DrillInput!) { recordDrill(input: $i) { id } }", "i",
                Map.of("unitId", unit.get(s).id(), "heldOn", TODAY.toString(), "kind", "DESK")));

        // Hazards.
        calls.put("reportHazard", s -> call("mutation($i: HazardInput!) { reportHazard(input: $i) { id } }", "i",
                hazardInput(unit.get(s))));
        calls.put("createRiskPoint", s -> call("mutation($i: RiskPointInput!) { createRiskPoint(input: $i) { id } }", "i",
                Map.of("unitId", unit.get(s).id(), "name", "Tank farm", "level", "BLUE")));
        calls.put("setRemediationPlan", s -> call("mutation($id: ID!, $v: Int!, $p: RemediationPlanInput!) { setRemediationPlan("
                + "hazardId: $id, version: $v, plan: $p) { id } }", "id", id(s, "hazard"), "v", version("hazard", id(s, "hazard")),
                "p", remediationPlan()));
        calls.put("rectifyHazard", s -> {
            String hazard = hazard(unit.get(s));
            return call("mutation($id: ID!, $v: Int!, $on: Date!) { rectifyHazard(id: $id, version: $v, rectifiedOn: $on, "
                    + "evidence: \"Photo\") { id } }", "id", hazard, "v", version("hazard", hazard), "on", TODAY.toString());
        });
        calls.put("verifyHazard", s -> {
            String hazard = rectifiedHazard(s);
            return call("mutation($id: ID!, $v: Int!, $on: Date!) { verifyHazard(id: $id, version: $v, verifiedOn: $on, "
                    + "accepted: true) { id } }", "id", hazard, "v", version("hazard", hazard), "on", TODAY.toString());
        });
        calls.put("requestHazardExtension", s -> call("mutation($id: ID!, $on: Date!) { requestHazardExtension(hazardId: $id, "
                + "requestedDueOn: $on, reason: \"Parts on order\") { id } }", "id", hazard(unit.get(s)), "on",
                TODAY.plusDays(60).toString()));
        calls.put("recordInterview", s -> call("mutation($id: ID!, $on: Date!) { recordInterview(hazardId: $id, input: { "
                + "heldOn: $on, heldBy: \"Office\", interviewee: \"Manager\" }) { id } }", "id", id(s, "hazard"), "on",
                TODAY.toString()));
        // A is its county's designated park command and emergency bureau (so are D and P of theirs).
        calls.put("decideHazardExtension", s -> call("mutation($id: ID!) { decideHazardExtension(extensionId: $id, approve: true) "
                + "{ id } }", "id", extension(s, false)));
        calls.put("fileHazardExtension", s -> call("mutation($id: ID!, $on: Date!) { fileHazardExtension(extensionId: $id, "
                + "filedOn: $on) { id } }", "id", extension(s, true), "on", TODAY.plusDays(2).toString()));
    }

    /** A fresh extension request on a fresh hazard of the scope's unit, approved when {@code approved}. */
    private String extension(Scope scope, boolean approved) {
        String hazard = hazard(unit.get(scope));
        String id = ok(Tokens.admin(), "mutation($id: ID!, $on: Date!) { requestHazardExtension(hazardId: $id, requestedDueOn: $on, "
                + "reason: \"Parts on order\") { id } }", vars("id", hazard, "on", TODAY.plusDays(60).toString()))
                .getString("data.requestHazardExtension.id");
        if (approved) {
            // The region's park command signs, then the supervising unit (the hazard's own unit here) if it is another.
            Fixtures.Unit park = unit.get(scope == Scope.OWN_REGION ? Scope.OWN_UNIT : scope);
            for (Fixtures.Unit signer : park.equals(unit.get(scope)) ? List.of(park) : List.of(park, unit.get(scope))) {
                ok(Tokens.token(signer.code(), "unit-editor"), "mutation($id: ID!) { decideHazardExtension(extensionId: $id, "
                        + "approve: true) { id } }", vars("id", id));
            }
        }
        return id;
    }

    private static Call dutyEvent(String rule, Fixtures.Unit u) {
        return call("mutation($i: DutyEventInput!) { recordDutyEvent(input: $i) { id } }", "i",
                Map.of("ruleId", rule, "unitId", u.id(), "happenedOn", TODAY.toString()));
    }

    /** A fresh step issued (by an admin acting from A) to the scope's unit against a fresh alert of it. */
    private String supervisionAction(Scope scope) {
        return ok(Tokens.token(callerUnit(), "admin"), "mutation($id: ID!, $on: Date!) { issueSupervision(alertId: $id, "
                + "step: REMINDER_LETTER, issuedOn: $on) { id } }", vars("id", alert(scope), "on", TODAY.toString()))
                .getString("data.issueSupervision.id");
    }

    private static Call observation(String indicator) {
        return call("mutation($i: ObservationInput!) { recordObservation(input: $i) { id } }", "i",
                Map.of("indicatorId", indicator, "period", "2025", "value", 3.0));
    }

    private Call activation(String mechanism, List<String> unitIds) {
        return call("mutation($i: LinkageActivationInput!) { recordActivation(input: $i) { id } }", "i",
                Map.of("mechanismId", mechanism, "kind", "DRILL", "startedAt", TODAY.minusDays(DAYS.incrementAndGet() % 300)
                        + "T02:00:00Z", "unitIds", unitIds));
    }

    /** A unit of the scope that takes no part in the caller's mechanism (A leads, B takes part). */
    private Fixtures.Unit nonParticipant(Scope scope) {
        return scope == Scope.OWN_REGION ? outsider : unit.get(scope);
    }
}
