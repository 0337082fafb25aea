package cn.worksafety.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Builds one keyset-paginated query over a {@link TrackedEntity} type: filters, then
 * {@code (id) > after} or {@code (updatedAt, id) > after}, ordered the same way, one row
 * more than asked to know whether there is a next page. Never OFFSET, so deep pages cost
 * what the first one does. The total count runs over the same filters.
 */
public final class KeysetQuery<T extends TrackedEntity> {

    private final Class<T> type;
    private final List<String> filters = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    public KeysetQuery(Class<T> type) {
        this.type = type;
    }

    /** Adds a JPQL condition over alias {@code e} with one named parameter. */
    public KeysetQuery<T> where(String condition, String parameter, Object value) {
        filters.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** Binds a named parameter of a condition added with {@link #where(String)}. */
    public KeysetQuery<T> parameter(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /** Adds a JPQL condition over alias {@code e} without parameters. */
    public KeysetQuery<T> where(String condition) {
        filters.add(condition);
        return this;
    }

    public Page<T> page(EntityManager em, PageRequest request) {
        List<String> conditions = new ArrayList<>(filters);
        Map<String, Object> params = new HashMap<>(parameters);
        if (request.updatedSince() != null) {
            conditions.add("e.updatedAt >= :updatedSince");
            params.put("updatedSince", request.updatedSince());
        }
        long total = count(em, conditions, params);

        Cursor after = request.after();
        if (after != null) {
            if (request.order() == KeysetOrder.UPDATED) {
                conditions.add("(e.updatedAt > :afterKey or (e.updatedAt = :afterKey and e.id > :afterId))");
                params.put("afterKey", after.updatedAt());
            } else {
                conditions.add("e.id > :afterId");
            }
            params.put("afterId", after.id());
        }
        String order = request.order() == KeysetOrder.UPDATED ? " order by e.updatedAt, e.id" : " order by e.id";
        TypedQuery<T> query = em.createQuery("select e from " + type.getSimpleName() + " e" + where(conditions) + order, type);
        params.forEach(query::setParameter);
        List<T> rows = query.setMaxResults(request.first() + 1).getResultList();

        boolean hasNext = rows.size() > request.first();
        List<T> items = hasNext ? rows.subList(0, request.first()) : rows;
        KeysetOrder keysetOrder = request.order();
        return new Page<>(List.copyOf(items), hasNext, total, e -> new Cursor(keysetOrder, e.updatedAt, e.id));
    }

    private long count(EntityManager em, List<String> conditions, Map<String, Object> params) {
        TypedQuery<Long> query = em.createQuery("select count(e) from " + type.getSimpleName() + " e" + where(conditions), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
