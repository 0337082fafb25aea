package cn.worksafety.read;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every GraphQL type and field the compiled read path answers, by feature. The root type is
 * {@code Query}: its fields get no parent row. A root field that names one record by id is
 * answered here only when the record is there and visible; otherwise the GraphQL engine gives
 * its NOT_FOUND.
 */
final class ReadModel {

    private final Map<String, ObjectReads> types = new HashMap<>();
    private final Set<String> engineAnswersNull = new HashSet<>();

    ReadModel() {
        OrganisationReads.register(this);
        ResponsibilityReads.register(this);
        PlanningReads.register(this);
        AlertReads.register(this);
    }

    ObjectReads type(String name) {
        return types.get(name);
    }

    ObjectReads define(String name) {
        return types.computeIfAbsent(name, ObjectReads::new);
    }

    ObjectReads query() {
        return define("Query");
    }

    /** A root field whose null answer is the engine's to give (an error such as NOT_FOUND). */
    void byId(String rootField, FieldRead read) {
        query().field(rootField, read);
        engineAnswersNull.add(rootField);
    }

    boolean engineAnswersNull(String rootField) {
        return engineAnswersNull.contains(rootField);
    }
}
