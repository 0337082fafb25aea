package cn.worksafety.common;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The one keyset paging path. Builds a page query in JPQL over an entity or in native SQL over
 * a FROM clause: filters, then the rows after the cursor ({@code id > :id}, or
 * {@code (key, id) > (:key, :id)}), ordered the same way, {@link PageRequest#limit()} rows to know
 * whether there is a next page ({@link Page#of}). Never OFFSET, so deep pages cost what the first
 * one does. The total count runs over the same filters. Statements of their own shape (a total
 * and a page in one statement, the read path's SQL) use {@link #after} and {@link #orderBy}.
 */
public final class KeysetQuery<T> {

    private final Class<T> type;
    private final boolean nativeSql;
    private final String alias;
    private final String from;
    private final String idColumn;
    private final String updatedColumn;
    private final Function<T, Long> idOf;
    private final Function<T, OffsetDateTime> updatedOf;
    private final List<String> filters = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private KeysetQuery(Class<T> type, boolean nativeSql, String alias, String from, String updatedColumn, Function<T, Long> idOf,
            Function<T, OffsetDateTime> updatedOf) {
        this.type = type;
        this.nativeSql = nativeSql;
        this.alias = alias;
        this.from = from;
        this.idColumn = alias + ".id";
        this.updatedColumn = updatedColumn;
        this.idOf = idOf;
        this.updatedOf = updatedOf;
    }

    /** JPQL over the entity as {@code alias}, by id or (with updatedSince) by (updatedAt, id). */
    public static <T extends TrackedEntity> KeysetQuery<T> jpql(Class<T> type, String alias) {
        return new KeysetQuery<>(type, false, alias, " from " + type.getSimpleName() + " " + alias, alias + ".updatedAt",
                e -> e.id, e -> e.updatedAt);
    }

    /** JPQL over an entity that is not tracked: by id only. */
    public static <T> KeysetQuery<T> jpql(Class<T> type, String alias, Function<T, Long> idOf) {
        return new KeysetQuery<>(type, false, alias, " from " + type.getSimpleName() + " " + alias, null, idOf, null);
    }

    /**
     * Native SQL: {@code from} (" from table alias join ...") names the entity's table as
     * {@code alias}; rows are {@code alias.*}, by id or by (updated_at, id).
     */
    public static <T extends TrackedEntity> KeysetQuery<T> sql(Class<T> type, String alias, String from) {
        return new KeysetQuery<>(type, true, alias, from, alias + ".updated_at", e -> e.id, e -> e.updatedAt);
    }

    /** Adds a condition over the alias with one named parameter. */
    public KeysetQuery<T> where(String condition, String parameter, Object value) {
        filters.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** Adds a condition over the alias; its parameters come with {@link #parameter}. */
    public KeysetQuery<T> where(String condition) {
        filters.add(condition);
        return this;
    }

    /** Binds a named parameter of a condition added with {@link #where(String)}. */
    public KeysetQuery<T> parameter(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /** Binds named parameters of conditions added with {@link #where(String)}. */
    public KeysetQuery<T> parameters(Map<String, Object> values) {
        parameters.putAll(values);
        return this;
    }

    /** One page with its total count: two statements. */
    public Page<T> page(EntityManager em, PageRequest request) {
        return page(em, request, true);
    }

    /** One page for a list without totalCount: one statement (the total is -1). */
    public Page<T> pageWithoutTotal(EntityManager em, PageRequest request) {
        return page(em, request, false);
    }

    private Page<T> page(EntityManager em, PageRequest request, boolean counted) {
        KeysetOrder order = request.order();
        if (order == KeysetOrder.PAIR || (order == KeysetOrder.UPDATED && updatedColumn == null)) {
            throw new IllegalStateException(type.getSimpleName() + " pages are not ordered " + order);
        }
        List<String> conditions = new ArrayList<>(filters);
        Map<String, Object> params = new HashMap<>(parameters);
        if (request.updatedSince() != null) {
            conditions.add(updatedColumn + " >= :updatedSince");
            params.put("updatedSince", request.updatedSince());
        }
        long total = -1;
        if (counted) {
            total = ((Number) bind(create(em, "select count(" + (nativeSql ? "*" : alias) + ")" + from + where(conditions)), params)
                    .getSingleResult()).longValue();
        }
        if (request.after() != null) {
            conditions.add(after(request.after(), updatedColumn, idColumn, params));
        }
        String select = "select " + (nativeSql ? alias + ".*" : alias) + from + where(conditions) + " order by "
                + orderBy(order, updatedColumn, idColumn);
        @SuppressWarnings("unchecked")
        List<T> rows = bind(nativeSql ? em.createNativeQuery(select, type) : em.createQuery(select, type), params)
                .setMaxResults(request.limit()).getResultList();
        return Page.of(rows, request, total, e -> new Cursor(order, order == KeysetOrder.ID ? null : updatedOf.apply(e), idOf.apply(e)));
    }

    /**
     * The rows after the cursor in its order: {@code id > i}, or {@code (key, id) > (k, i)} (a row
     * comparison, which PostgreSQL and Hibernate's JPQL both understand). {@code bind} turns each
     * value of the cursor into a placeholder of the statement.
     */
    public static String after(Cursor after, String keyColumn, String idColumn, Function<Object, String> bind) {
        if (after.order() == KeysetOrder.ID) {
            return idColumn + " > " + bind.apply(after.id());
        }
        String key = bind.apply(after.key());
        return "(" + keyColumn + ", " + idColumn + ") > (" + key + ", " + bind.apply(after.id()) + ")";
    }

    /** {@link #after} with named parameters ({@code :keysetN}), bound into {@code params}. */
    public static String after(Cursor after, String keyColumn, String idColumn, Map<String, Object> params) {
        return after(after, keyColumn, idColumn, value -> {
            String name = "keyset" + params.size();
            params.put(name, value);
            return ":" + name;
        });
    }

    /** The ORDER BY list of the order, matching {@link #after}. */
    public static String orderBy(KeysetOrder order, String keyColumn, String idColumn) {
        return order == KeysetOrder.ID ? idColumn : keyColumn + ", " + idColumn;
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private Query create(EntityManager em, String statement) {
        return nativeSql ? em.createNativeQuery(statement) : em.createQuery(statement);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
