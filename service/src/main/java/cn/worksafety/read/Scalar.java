package cn.worksafety.read;

import java.util.function.UnaryOperator;

/**
 * GraphQL scalars as SQL expressions of their JSON text, written as the GraphQL layer writes them:
 * IDs as strings, DateTime in its ISO form, Float with its '.0'. Null stays null. Ids (numbers and
 * region codes of letters and digits) and enum names need no escaping; other text goes through
 * to_json.
 */
enum Scalar {
    ID(e -> "'\"' || " + e + " || '\"'"),
    STRING(e -> "to_json(" + e + ")::text"),
    ENUM(e -> "'\"' || " + e + " || '\"'"),
    INT(e -> e + "::text"),
    BOOLEAN(e -> e + "::text"),
    DATE(e -> "'\"' || to_char(" + e + ", 'YYYY-MM-DD') || '\"'"),
    DATE_TIME(e -> "'\"' || gql_datetime(" + e + ") || '\"'"),
    FLOAT(e -> "gql_float(" + e + ")");

    private final UnaryOperator<String> json;

    Scalar(UnaryOperator<String> json) {
        this.json = json;
    }

    String json(String expression) {
        return json.apply(expression);
    }
}
