package cn.worksafety.security;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The role matrix of docs/security.md, generated from the live schema: every query and mutation is
 * called by each of the five roles and anonymously, from a unit of a fresh county, with arguments
 * built from its declared types (ids that name nothing, empty strings, first enum values). A role
 * the matrix refuses gets FORBIDDEN from the role gate, an anonymous caller UNAUTHENTICATED, and
 * the audit trail does not grow; a role it allows gets past the gate (its answer is data, or the
 * feature's own error about the arguments, or a record in the fresh county where the arguments
 * make one, as createTrainingRule's enums do). An operation without a row in
 * {@link #MATRIX}, or a row without an operation, fails the build.
 *
 * Which records a permitted role may touch (own unit, own region, other region) is the feature
 * services' rule (Caller); the per-feature tests pin it down, and docs/security.md lists them.
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
                "trainingGaps", "changes", "hazard", "hazards", "hazardLedger", "riskPoints", "unitDesignations", "dutyRules",
                "dutyCompliance", "inspections")) {
            MATRIX.put(query, EVERYONE);
        }
        MATRIX.put("auditTrail", ADMIN);
        MATRIX.put("runChecks", ADMIN);
        MATRIX.put("createRegion", ADMIN);
        for (String office : List.of("createUnit", "createCommittee", "updateCommittee", "createLinkageMechanism",
                "updateLinkageMechanism", "retireLinkageMechanism", "createPlan", "updatePlan", "linkPlanTask",
                "createResponsibilityList", "updateResponsibility", "addResponsibility", "removeResponsibility",
                "reassignResponsibility", "withdrawResponsibilityList", "createTrainingRule", "designateUnit", "createDutyRule")) {
            MATRIX.put(office, OFFICE);
        }
        for (String editor : List.of("acknowledgeAlert", "resolveAlert", "recordMeeting", "correctMeeting", "withdrawMeeting",
                "recordActivation", "createPerson", "recordObservation", "reportProgress", "recordTraining",
                "correctTrainingRecord", "reportHazard", "setRemediationPlan", "rectifyHazard", "verifyHazard",
                "requestHazardExtension", "recordInterview", "createRiskPoint", "recordDutyEvent",
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
        try {
            callEveryOperation(operations, unit);
        } finally {
            // An admin's createTrainingRule without a region makes a rule for everyone; the suite shares one
            // database, and the training tests count the rules that apply to their people.
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from training_rule where region_code is null and id > " + lastRule);
            }
        }
    }

    private long lastTrainingRule() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from training_rule")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void callEveryOperation(Map<String, String> operations, Fixtures.Unit unit) throws SQLException {
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
        try {
            if (auditRows() != auditBefore) {
                wrong.add(operation + " as " + role + ": refused, yet the audit trail grew");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long auditRows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from audit_entry")) {
            rs.next();
            return rs.getLong(1);
        }
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
