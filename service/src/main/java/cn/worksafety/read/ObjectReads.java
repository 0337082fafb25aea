package cn.worksafety.read;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of one GraphQL object type as PostgreSQL reads them from a row of its table. A
 * field without an entry here sends the whole request to the GraphQL engine.
 */
final class ObjectReads {

    final String type;
    private final Map<String, FieldRead> fields = new HashMap<>();

    ObjectReads(String type) {
        this.type = type;
    }

    FieldRead field(String name) {
        return fields.get(name);
    }

    ObjectReads field(String name, FieldRead read) {
        fields.put(name, read);
        return this;
    }

    /** A column written as the GraphQL scalar writes it. */
    ObjectReads column(String name, String column, Scalar scalar) {
        return field(name, (q, row, f) -> scalar.json(row + "." + column));
    }

    /** A column whose name is the field's in snake case. */
    ObjectReads column(String name, Scalar scalar) {
        return column(name, snake(name), scalar);
    }

    /** Id, version and the change stamps every tracked record has. */
    ObjectReads tracked() {
        return column("id", Scalar.ID).column("version", Scalar.INT).column("createdAt", Scalar.DATE_TIME)
                .column("updatedAt", Scalar.DATE_TIME);
    }

    /** An object held in the parent's own row (a deadline, a target). */
    ObjectReads embedded(String name, String type) {
        return field(name, (q, row, f) -> q.object(type, row, f));
    }

    /** The object a foreign key names (by id), or null. */
    ObjectReads toOne(String name, String type, String table, String foreignKey) {
        return toOne(name, type, table, "id", foreignKey);
    }

    /** The object whose {@code key} column the parent's {@code foreignKey} column holds, or null. */
    ObjectReads toOne(String name, String type, String table, String key, String foreignKey) {
        return field(name, (q, row, f) -> {
            String t = q.alias();
            return "(select " + q.object(type, t, f) + " from " + table + " " + t + " where " + t + "." + key + " = " + row + "."
                    + foreignKey + ")";
        });
    }

    /** The rows of {@code table} pointing at the parent by {@code parentKey}, ordered, as a JSON array. */
    ObjectReads toMany(String name, String type, String table, String parentKey, String order) {
        return toMany(name, type, table, t -> t + "." + parentKey + " = %s.id", order);
    }

    /**
     * The rows of {@code table} matching {@code condition} (its {@code %s} is the parent's row
     * alias), ordered by {@code order} (columns of the child alias, comma-separated).
     */
    ObjectReads toMany(String name, String type, String table, Function<String, String> condition, String order) {
        return field(name, (q, row, f) -> {
            String t = q.alias();
            return SqlQuery.array(q.object(type, t, f), qualify(t, order),
                    table + " " + t + " where " + condition.apply(t).replace("%s", row));
        });
    }

    /** As {@link #toMany(String, String, String, String, String)}, with the engine's per-parent cap (common.ListQuery). */
    ObjectReads cappedToMany(String name, String type, String table, String parentKey, String order) {
        return field(name, (q, row, f) -> {
            String t = q.alias();
            return SqlQuery.cappedArray(q.object(type, t, f), t, qualify(t, order), table, t + "." + parentKey + " = " + row + ".id");
        });
    }

    static String qualify(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",")) {
            out.append(out.isEmpty() ? "" : ", ").append(alias).append('.').append(column.strip());
        }
        return out.toString();
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
