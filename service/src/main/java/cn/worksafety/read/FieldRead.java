package cn.worksafety.read;

/** How one GraphQL field is read: the SQL expression of its JSON value for a row of its parent type. */
@FunctionalInterface
interface FieldRead {

    /**
     * @param query the statement being built (parameters, aliases, nested objects)
     * @param row the SQL alias of the parent's row (null for fields of Query)
     * @param field the field as selected, with its arguments and sub-selection
     */
    String sql(SqlQuery query, String row, Selected field);
}
