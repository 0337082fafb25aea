package cn.worksafety.security;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.worksafety.security.ScopeWorld.Scope;
import cn.worksafety.support.Checkout;
import cn.worksafety.support.Database;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The role matrix of docs/security.md, generated from the live schema, in two walks.
 *
 * <p><b>The role gate</b> ({@link #everyOperationAnswersEveryRoleAsTheMatrixSays}): every query and
 * mutation is called by each of the five roles and anonymously, from a unit of a fresh county, with
 * arguments built from its declared types (ids that name nothing, empty strings, first enum values).
 * A role the matrix refuses gets FORBIDDEN from the role gate, an anonymous caller UNAUTHENTICATED,
 * and the audit trail does not grow; a role it allows gets past the gate. An operation without a row
 * in {@link #MATRIX}, or a row without an operation, fails the build.
 *
 * <p><b>The record gate</b> ({@link #everyOperationAnswersEveryScopeAsTheTableSays}): the scope table
 * of docs/security.md (read from the document, so the table people read is the table the build
 * enforces) gives, per operation and role, the outcome for a record of the caller's own unit, of
 * another unit of its region, of the sibling region and of the region above, in that order, one
 * letter each: ✓ data without an error, F FORBIDDEN, N NOT_FOUND, U BAD_USER_INPUT (the input names a
 * unit the caller cannot see, answered without telling whether it exists), R the role gate. Every
 * cell but R is called for real in {@link ScopeWorld}; a refused cell leaves the audit trail as it
 * was. An operation of the schema without a row, a row without an argument builder, or R cells that
 * disagree with {@link #MATRIX} fail the build. A row whose cells are all "—" says why scope does not
 * apply (no record, or a list filtered to what the caller reads).
 *
 * <p><b>Adding an operation</b>: (1) a role-gate row: put its name in {@link #MATRIX} and in the role
 * table of docs/security.md; (2) a scope row in the scope table of docs/security.md, five cells of four
 * letters, or "—" in every cell and the reason in the last column; (3) unless it is "—", an argument
 * builder in {@link ScopeWorld#calls} under the row's label: a function from the scope to the call that
 * targets that scope's record (add the record to {@code ScopeWorld.build} if the world has none; make
 * a fresh one inside the builder when an allowed call uses it up). Run RoleMatrixTest: a wrong cell
 * fails with the row as the service answered it, ready to compare with the document.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final List<String> ROLES = List.of("admin", "coordinator", "unit-editor", "viewer", "exchange");
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final Set<String> OFFICE = Set.of("admin", "coordinator");
    private static final Set<String> EDITORS = Set.of("admin", "coordinator", "unit-editor");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> UNIT_ROLES = Set.of("coordinator", "unit-editor");
    /** The role gate's refusal (Caller.requireAnyOf), told apart from the features' own FORBIDDEN. */
    private static final String ROLE_GATE = "Your role may not perform this operation.";

    /** Operation -> roles that pass the role gate. Keep in step with the table in docs/security.md. */
    static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();
    static {
        for (String query : List.of("alerts", "committee", "committees", "committeesConnection", "linkageMechanism",
                "linkageMechanisms", "linkageMechanismsConnection", "linkageActivations", "me", "regions", "unit", "units",
                "person", "persons", "plan", "plans", "plansConnection", "responsibilityList", "responsibilityLists",
                "responsibilityListsConnection", "responsibility", "responsibilities", "trainingRules", "trainingRulesConnection",
                "trainingGaps", "changes", "hazard", "hazards", "hazardLedger", "riskPoints", "unitDesignations", "supervisionLadders",
                "supervisionBoard", "dutyRules", "dutyCompliance", "inspections")) {
            MATRIX.put(query, EVERYONE);
        }
        MATRIX.put("auditTrail", ADMIN);
        MATRIX.put("runChecks", ADMIN);
        MATRIX.put("createRegion", ADMIN);
        for (String office : List.of("createUnit", "createCommittee", "updateCommittee", "createLinkageMechanism",
                "updateLinkageMechanism", "retireLinkageMechanism", "createPlan", "updatePlan", "linkPlanTask",
                "createResponsibilityList", "updateResponsibility", "addResponsibility", "removeResponsibility",
                "reassignResponsibility", "withdrawResponsibilityList", "createTrainingRule", "designateUnit", "closeAlert",
                "setSupervisionLadder", "issueSupervision", "createDutyRule")) {
            MATRIX.put(office, OFFICE);
        }
        for (String editor : List.of("acknowledgeAlert", "resolveAlert", "recordMeeting", "correctMeeting", "withdrawMeeting",
                "recordActivation", "createPerson", "recordObservation", "reportProgress", "recordTraining",
                "correctTrainingRecord", "reportHazard", "setRemediationPlan", "rectifyHazard", "verifyHazard",
                "requestHazardExtension", "recordInterview", "createRiskPoint", "replyToSupervision", "recordDutyEvent",
                "recordInspection", "registerEmergencyPlan", "recordDrill")) {
            MATRIX.put(editor, EDITORS);
        }
        // Approvals and filing come from the designated units' own users (docs/hazards.md); an admin has no unit.
        MATRIX.put("decideHazardExtension", UNIT_ROLES);
        MATRIX.put("fileHazardExtension", UNIT_ROLES);
    }

    /** Allowed calls not made for real: runChecks would run every check over the shared test database. */
    private static final Set<String> NOT_CALLED_WHEN_ALLOWED = Set.of("runChecks");

    private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
    /** Three requests: graphql-java refuses an introspection that asks for __Type.fields more than once. */
    private static final String ROOT = "{ __schema { %s { fields { name args { name defaultValue type { " + TYPE_REF
            + " } } type { " + TYPE_REF + " } } } } }";
    private static final String TYPES = "{ __schema { types { name kind enumValues { name } inputFields { name defaultValue type { "
            + TYPE_REF + " } } } } }";

    @Inject
    DataSource dataSource;

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws SQLException {
        Map<String, Map<String, Object>> types = new LinkedHashMap<>();
        for (Map<String, Object> type : GraphQL.ok(null, TYPES).<Map<String, Object>>getList("data.__schema.types")) {
            types.put((String) type.get("name"), type);
        }
        Map<String, String> operations = new LinkedHashMap<>();
        for (String root : List.of("queryType", "mutationType")) {
            JsonPath schema = GraphQL.ok(null, ROOT.formatted(root));
            for (Map<String, Object> field : schema.<Map<String, Object>>getList("data.__schema." + root + ".fields")) {
                operations.put((String) field.get("name"), document(root.equals("queryType") ? "query" : "mutation", field, types));
            }
        }
        Set<String> missing = new TreeSet<>(operations.keySet());
        missing.removeAll(MATRIX.keySet());
        Set<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(operations.keySet());
        assertTrue(missing.isEmpty(), "Operations without a row in the role matrix (RoleMatrixTest and docs/security.md): " + missing);
        assertTrue(stale.isEmpty(), "Rows of the role matrix for operations the schema no longer has: " + stale);

        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        long lastRule = lastTrainingRule();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // An admin's setSupervisionLadder without a region replaces a default ladder: keep a copy to put back.
            s.executeUpdate("create temporary table default_ladder as select * from supervision_ladder_step where region_code is null");
            try {
                callEveryOperation(operations, unit);
            } finally {
                // An admin's createTrainingRule without a region makes a rule for everyone; the suite shares one
                // database, and the training tests count the rules that apply to their people.
                s.executeUpdate("delete from training_rule where region_code is null and id > " + lastRule);
                s.executeUpdate("delete from supervision_ladder_step where region_code is null");
                s.executeUpdate("insert into supervision_ladder_step select * from default_ladder");
                s.executeUpdate("drop table default_ladder");
            }
        }
    }

    /** The document whose scope table this test enforces; its columns after the operation are {@link #ROLES}. */
    private static final Path SECURITY_DOC = Checkout.file("docs/security.md");
    private static final String SCOPE_TABLE = "## The record gate";
    private static final String NOT_APPLICABLE = "—";

    @Test
    void everyOperationAnswersEveryScopeAsTheTableSays() throws IOException, SQLException {
        Map<String, List<String>> table = scopeTable();
        Set<String> operations = new TreeSet<>(MATRIX.keySet()); // the role-gate walk checks MATRIX against the schema
        Set<String> covered = new TreeSet<>();
        for (String label : table.keySet()) {
            covered.add(label.split(" ")[0]);
        }
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(operations);
        assertTrue(missing.isEmpty(), "Operations without a row in the scope table of docs/security.md: " + missing);
        assertTrue(stale.isEmpty(), "Rows of the scope table for operations the schema does not have: " + stale);

        ScopeWorld world = new ScopeWorld(dataSource);
        Set<String> applicable = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        for (Map.Entry<String, List<String>> row : table.entrySet()) {
            String label = row.getKey();
            String operation = label.split(" ")[0];
            if (row.getValue().get(0).equals(NOT_APPLICABLE)) {
                continue;
            }
            applicable.add(label);
            Function<Scope, ScopeWorld.Call> builder = world.calls.get(label);
            if (builder == null) {
                wrong.add(label + ": no argument builder in ScopeWorld.calls");
                continue;
            }
            StringBuilder actualRow = new StringBuilder("| `" + label + "` |");
            for (int r = 0; r < ROLES.size(); r++) {
                String role = ROLES.get(r);
                String expected = row.getValue().get(r);
                boolean passesRoleGate = MATRIX.get(operation).contains(role);
                if (passesRoleGate == expected.equals("RRRR")) {
                    wrong.add(label + " as " + role + ": the scope table says " + expected + ", the role gate "
                            + (passesRoleGate ? "lets it through" : "refuses it"));
                }
                StringBuilder actual = new StringBuilder();
                for (Scope scope : Scope.values()) {
                    if (!passesRoleGate) {
                        actual.append('R'); // proven by the role-gate walk
                        continue;
                    }
                    ScopeWorld.Call call = builder.apply(scope);
                    long before = lastAudit();
                    JsonPath answer = GraphQL.post(Tokens.token(world.callerUnit(), role), call.document(), call.variables())
                            .extract().jsonPath();
                    char outcome = outcome(answer);
                    actual.append(outcome);
                    if (outcome != expected.charAt(scope.ordinal())) {
                        wrong.add(label + " as " + role + " on a record of " + scope + ": expected " + expected.charAt(scope.ordinal())
                                + ", answered " + (outcome == '?' ? answer.getString("errors[0].extensions.code") + " ("
                                        + answer.getString("errors[0].message") + ")" : String.valueOf(outcome)));
                    }
                    if (outcome != '✓' && lastAudit() != before) {
                        wrong.add(label + " as " + role + " on a record of " + scope + ": refused, yet the audit trail grew");
                    }
                }
                actualRow.append(' ').append(actual).append(" |");
            }
            answered.add(actualRow.toString());
        }
        Set<String> unused = new TreeSet<>(world.calls.keySet());
        unused.removeAll(applicable);
        assertTrue(unused.isEmpty(), "Argument builders without a scope row in docs/security.md: " + unused);
        if (!wrong.isEmpty()) {
            fail(String.join("\n", wrong) + "\n\nThe rows as the service answered them:\n" + String.join("\n", answered));
        }
    }

    /** One letter of the scope table for an answer. */
    private static char outcome(JsonPath answer) {
        if (answer.get("errors") == null) {
            return answer.get("data") == null ? '?' : '✓';
        }
        String code = answer.getString("errors[0].extensions.code");
        if ("FORBIDDEN".equals(code)) {
            return ROLE_GATE.equals(answer.getString("errors[0].message")) ? 'R' : 'F';
        }
        return switch (String.valueOf(code)) {
            case "NOT_FOUND" -> 'N';
            case "BAD_USER_INPUT" -> 'U';
            default -> '?';
        };
    }

    /**
     * The scope table of docs/security.md: row label ("createPerson", or an operation with a variant after
     * a space) -> the five role cells, or "—" cells where scope does not apply (their reason is required).
     */
    private static Map<String, List<String>> scopeTable() throws IOException {
        Map<String, List<String>> table = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : Files.readAllLines(SECURITY_DOC)) {
            if (line.startsWith("## ")) {
                inside = line.startsWith(SCOPE_TABLE);
                continue;
            }
            if (!inside || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            // "", label, five roles, reason
            assertTrue(cells.length >= 8, "A scope row needs five role cells and a reason: " + line);
            String label = cells[1].strip().replace("`", "");
            List<String> roles = new ArrayList<>();
            for (int i = 2; i < 7; i++) {
                String cell = cells[i].strip();
                boolean valid = cell.equals(NOT_APPLICABLE) || cell.matches("[✓FNUR]{4}");
                assertTrue(valid, "Scope cell '" + cell + "' of " + label + ": four of ✓ F N U R, or —");
                roles.add(cell);
            }
            if (roles.contains(NOT_APPLICABLE)) {
                assertTrue(roles.stream().allMatch(NOT_APPLICABLE::equals) && !cells[7].isBlank(),
                        "A row where scope does not apply has — in every cell and says why: " + label);
            }
            assertTrue(table.put(label, roles) == null, "Two scope rows for " + label);
        }
        assertTrue(!table.isEmpty(), "docs/security.md has no scope table under '" + SCOPE_TABLE + "'");
        return table;
    }

    /** The newest audit row: a refused call must not add one (every change is audited). */
    private long lastAudit() {
        return Database.number(dataSource, "select coalesce(max(id), 0) from audit_entry");
    }

    private long lastTrainingRule() {
        return Database.number(dataSource, "select coalesce(max(id), 0) from training_rule");
    }

    private void callEveryOperation(Map<String, String> operations, Fixtures.Unit unit) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> operation : operations.entrySet()) {
            String name = operation.getKey();
            long before = auditRows();
            JsonPath anonymous = GraphQL.post(null, operation.getValue(), null).extract().jsonPath();
            expect(wrong, name, "anonymous", "UNAUTHENTICATED", anonymous.getString("errors[0].extensions.code"));
            unchanged(wrong, name, "anonymous", before);
            for (String role : ROLES) {
                boolean allowed = MATRIX.get(name).contains(role);
                if (allowed && NOT_CALLED_WHEN_ALLOWED.contains(name)) {
                    continue;
                }
                before = auditRows();
                JsonPath answer = GraphQL.post(Tokens.token(unit.code(), role), operation.getValue(), null).extract().jsonPath();
                String code = answer.getString("errors[0].extensions.code");
                String message = answer.getString("errors[0].message");
                if (allowed) {
                    if ("UNAUTHENTICATED".equals(code) || ROLE_GATE.equals(message) || "INTERNAL".equals(code)) {
                        wrong.add(name + " as " + role + ": allowed, but answered " + code + " (" + message + ")");
                    }
                } else {
                    expect(wrong, name, role, "FORBIDDEN", code);
                    unchanged(wrong, name, role, before);
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(String.join("\n", wrong));
        }
    }

    private static void expect(List<String> wrong, String operation, String role, String expected, String actual) {
        if (!expected.equals(actual)) {
            wrong.add(operation + " as " + role + ": expected " + expected + ", got " + actual);
        }
    }

    /** Every change is audited, so a refused call that changed something shows in the audit trail. */
    private void unchanged(List<String> wrong, String operation, String role, long auditBefore) {
        if (auditRows() != auditBefore) {
            wrong.add(operation + " as " + role + ": refused, yet the audit trail grew");
        }
    }

    private long auditRows() {
        return Database.number(dataSource, "select count(*) from audit_entry");
    }

    /** A document calling the field with every required argument, selecting __typename of an object. */
    @SuppressWarnings("unchecked")
    private static String document(String operation, Map<String, Object> field, Map<String, Map<String, Object>> types) {
        StringBuilder call = new StringBuilder(operation).append(" { ").append(field.get("name"));
        List<String> arguments = new ArrayList<>();
        for (Map<String, Object> argument : (List<Map<String, Object>>) field.get("args")) {
            Map<String, Object> type = (Map<String, Object>) argument.get("type");
            if ("NON_NULL".equals(type.get("kind")) && argument.get("defaultValue") == null) {
                arguments.add(argument.get("name") + ": " + literal(type, types));
            }
        }
        if (!arguments.isEmpty()) {
            call.append("(").append(String.join(", ", arguments)).append(")");
        }
        Map<String, Object> returned = (Map<String, Object>) field.get("type");
        while (returned.get("ofType") != null) {
            returned = (Map<String, Object>) returned.get("ofType");
        }
        if ("OBJECT".equals(returned.get("kind"))) {
            call.append(" { __typename }");
        }
        return call.append(" }").toString();
    }

    /** A value of the type that names nothing and changes nothing: id 0, empty strings, empty lists. */
    @SuppressWarnings("unchecked")
    private static String literal(Map<String, Object> type, Map<String, Map<String, Object>> types) {
        String kind = (String) type.get("kind");
        if ("NON_NULL".equals(kind)) {
            return literal((Map<String, Object>) type.get("ofType"), types);
        }
        if ("LIST".equals(kind)) {
            return "[]";
        }
        String name = (String) type.get("name");
        Map<String, Object> named = types.get(name);
        if ("ENUM".equals(kind)) {
            return (String) ((List<Map<String, Object>>) named.get("enumValues")).get(0).get("name");
        }
        if ("INPUT_OBJECT".equals(kind)) {
            List<String> fields = new ArrayList<>();
            for (Map<String, Object> input : (List<Map<String, Object>>) named.get("inputFields")) {
                Map<String, Object> inputType = (Map<String, Object>) input.get("type");
                if ("NON_NULL".equals(inputType.get("kind")) && input.get("defaultValue") == null) {
                    fields.add(input.get("name") + ": " + literal(inputType, types));
                }
            }
            return "{ " + String.join(", ", fields) + " }";
        }
        return switch (name) {
            case "ID" -> "\"0\"";
            case "Int", "BigInteger", "Long" -> "0";
            case "Float", "BigDecimal" -> "0.0";
            case "Boolean" -> "false";
            case "Date" -> "\"2026-01-01\"";
            case "DateTime" -> "\"2026-01-01T00:00:00Z\"";
            default -> "\"\"";
        };
    }
}
