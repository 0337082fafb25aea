package cn.worksafety.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.worksafety.common.ListQuery;

/**
 * One request's statement while it is built: its parameters, its row aliases, and the JSON
 * object of each selection set. The caller's scope lives in the statement's {@code c} row
 * ({@link ReadCaller#SCOPE}), so every field can refer to {@code c.readable}, {@code c.unit_id},
 * {@code c.as_of}, {@code c.sees_personal_data} and {@code c.editor}.
 */
final class SqlQuery {

    private static final char MARK = '\u0001';
    private static final char END = '\u0002';

    final ReadModel model;
    private final List<Object> parameters = new ArrayList<>();
    private final Map<String, Set<Map<String, Object>>> argumentSets = new HashMap<>();
    private int aliases;

    SqlQuery(ReadModel model) {
        this.model = model;
    }

    /** A parameter placeholder for {@code value}, cast to the PostgreSQL type. */
    String param(Object value, String type) {
        parameters.add(value);
        return MARK + Integer.toString(parameters.size() - 1) + END + "::" + type;
    }

    String alias() {
        return "t" + (++aliases);
    }

    /** The JSON object of {@code field}'s selection on {@code type}, for the row aliased {@code row}. */
    String object(String type, String row, Selected field) {
        return object(type, row, field.children(type));
    }

    String object(String type, String row, List<Selected> fields) {
        ObjectReads reads = model.type(type);
        return json(fields, field -> value(reads, type, row, field));
    }

    /**
     * A JSON object as text, built by concatenation so that it comes out compact, keys in the
     * order of the selection, as the GraphQL layer writes it.
     */
    static String json(List<Selected> fields, java.util.function.Function<Selected, String> value) {
        if (fields.isEmpty()) {
            throw new NotCompilable("empty selection");
        }
        StringBuilder sql = new StringBuilder("('{");
        for (Selected field : fields) {
            sql.append(sql.length() > 3 ? ",\"" : "\"").append(field.key).append("\":' || coalesce(").append(value.apply(field))
                    .append(", 'null') || '");
        }
        return sql.append("}')").toString();
    }

    /** A JSON array as text of the JSON {@code element} of each row of {@code from}, in {@code order}. */
    /**
     * An unpaged list with the engine's cap (common.ListQuery.CAP): the rows of {@code table} as
     * {@code alias} matching {@code where}, at most CAP + 1 read, and over CAP the statement fails
     * (gql_list_over_cap, SQLSTATE {@value #OVER_CAP}) so that the engine answers the request.
     */
    static String cappedArray(String element, String alias, String order, String table, String where) {
        return "(select case when count(*) > " + ListQuery.CAP + " then gql_list_over_cap() else coalesce('[' || string_agg("
                + element + ", ',' order by " + order + ") || ']', '[]') end from (select " + alias + ".* from " + table + " "
                + alias + " where " + where + " order by " + order + " limit " + (ListQuery.CAP + 1) + ") " + alias + ")";
    }

    static final String OVER_CAP = "WSCAP";

    static String array(String element, String order, String from) {
        return "coalesce((select '[' || string_agg(" + element + ", ',' order by " + order + ") || ']' from " + from + "), '[]')";
    }

    /** One field's JSON value; {@code reads} is null for a type the model does not know. */
    String value(ObjectReads reads, String type, String row, Selected field) {
        if (field.name.equals("__typename")) {
            return "'\"" + type + "\"'";
        }
        FieldRead read = reads == null ? null : reads.field(field.name);
        if (read == null) {
            throw new NotCompilable(type + "." + field.name);
        }
        sameArgumentsEverywhere(type, field);
        return read.sql(this, row, field);
    }

    /**
     * The GraphQL engine batches each nested field across its parents and answers every use of it
     * with the first use's arguments, or refuses (common.BatchArguments); such a request is left to
     * it so that the answer is the same either way. Root fields are not batched.
     */
    private void sameArgumentsEverywhere(String type, Selected field) {
        Map<String, Object> arguments = field.argumentValues();
        if (!arguments.isEmpty() && !type.equals("Query")) {
            Set<Map<String, Object>> seen = argumentSets.computeIfAbsent(type + "." + field.name, k -> new HashSet<>());
            seen.add(arguments);
            if (seen.size() > 1) {
                throw new NotCompilable("one field with several argument sets");
            }
        }
    }

    /** The statement with JDBC placeholders, and its parameters in their order. */
    Prepared prepare(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<Object> ordered = new ArrayList<>();
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == MARK) {
                int end = sql.indexOf(END, i);
                ordered.add(parameters.get(Integer.parseInt(sql, i + 1, end, 10)));
                out.append('?');
                i = end;
            } else {
                out.append(ch);
            }
        }
        return new Prepared(out.toString(), ordered);
    }

    record Prepared(String sql, List<Object> parameters) {
    }
}
