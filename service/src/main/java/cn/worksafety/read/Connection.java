package cn.worksafety.read;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.worksafety.common.DomainException;
import cn.worksafety.common.KeysetOrder;
import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.PageRequest;

/**
 * A Relay connection as one SQL expression: the same keyset page as {@code common.KeysetQuery}
 * (its condition for the rows after the cursor and its order, {@code PageRequest.limit()} rows to
 * know whether there is a next page), edges with the same cursors as {@code common.Cursor} (SQL
 * function gql_cursor, migration V11), and totalCount only when it is selected.
 */
final class Connection {

    private Connection() {
    }

    /** The paging arguments of a connection field, checked as {@link PageRequest} checks them. */
    static PageRequest page(Selected field, boolean updatedSince) {
        try {
            OffsetDateTime since = updatedSince ? field.dateTime("updatedSince") : null;
            return PageRequest.of(field.integer("first"), field.string("after"), since);
        } catch (DomainException e) {
            throw new NotCompilable("paging arguments: " + e.getMessage());
        }
    }

    /**
     * @param type the connection type (UnitConnection); its edges are of type UnitEdge
     * @param node the node type
     * @param from the FROM clause for the main row alias it is given (joins included)
     * @param where the filters for that alias, without the page's own conditions
     */
    static String sql(SqlQuery q, Selected field, String type, String node, PageRequest page, Function<String, String> from,
            Function<String, List<String>> where) {
        String e = q.alias();
        boolean updated = page.order() == KeysetOrder.UPDATED;
        List<String> filters = new ArrayList<>(where.apply(e));
        if (updated) {
            filters.add(e + ".updated_at >= " + q.param(page.updatedSince(), "timestamptz"));
        }
        String fromClause = " from " + from.apply(e);
        // totalCount counts every row the filters (and updatedSince) select, as KeysetQuery does.
        String countSql = "(select count(*)" + fromClause + clause(filters) + ")";

        List<String> pageFilters = new ArrayList<>(filters);
        if (page.after() != null) {
            pageFilters.add(KeysetQuery.after(page.after(), e + ".updated_at", e + ".id",
                    value -> q.param(value, value instanceof OffsetDateTime ? "timestamptz" : "bigint")));
        }
        String order = KeysetQuery.orderBy(page.order(), e + ".updated_at", e + ".id");

        String p = q.alias();
        int first = page.first();
        String pageSql = "(select " + e + ".*, row_number() over (order by " + order + ") as rn_" + fromClause + clause(pageFilters)
                + " order by " + order + " limit " + page.limit() + ") " + p;
        String cursor = "'\"' || " + (updated ? "gql_cursor(" + p + ".updated_at, " + p + ".id)" : "gql_cursor(" + p + ".id)") + " || '\"'";
        String edgeType = type.replace("Connection", "Edge");

        boolean[] needsPage = { false };
        String object = SqlQuery.json(field.children(type), part -> switch (part.name) {
            case "__typename" -> "'\"" + type + "\"'";
            case "totalCount" -> countSql + "::text";
            case "edges" -> {
                needsPage[0] = true;
                yield "'[' || coalesce(string_agg(" + edge(q, part, edgeType, node, p, cursor) + ", ',' order by " + p + ".rn_) filter (where "
                        + p + ".rn_ <= " + first + "), '') || ']'";
            }
            case "pageInfo" -> {
                needsPage[0] = true;
                yield pageInfo(part, p, cursor, first);
            }
            default -> throw new NotCompilable(type + "." + part.name);
        });
        // Aggregates over the page: one pass gives the edges, hasNextPage and the end cursor.
        return "(select " + object + (needsPage[0] ? " from " + pageSql : "") + ")";
    }

    private static String edge(SqlQuery q, Selected edges, String edgeType, String node, String p, String cursor) {
        return SqlQuery.json(edges.children(edgeType), part -> switch (part.name) {
            case "__typename" -> "'\"" + edgeType + "\"'";
            case "cursor" -> cursor;
            case "node" -> q.object(node, p, part);
            default -> throw new NotCompilable(edgeType + "." + part.name);
        });
    }

    private static String pageInfo(Selected info, String p, String cursor, int first) {
        return SqlQuery.json(info.children("PageInfo"), part -> switch (part.name) {
            case "__typename" -> "'\"PageInfo\"'";
            case "hasNextPage" -> "(count(*) > " + first + ")::text";
            case "endCursor" -> "(array_agg(" + cursor + " order by " + p + ".rn_ desc) filter (where " + p + ".rn_ <= " + first + "))[1]";
            default -> throw new NotCompilable("PageInfo." + part.name);
        });
    }

    static String clause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
