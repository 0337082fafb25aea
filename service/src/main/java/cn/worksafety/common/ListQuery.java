package cn.worksafety.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * A list the schema has always returned whole (responsibilityLists, plans, committees,
 * trainingRules, linkageMechanisms), ordered by id: whole up to {@link #CAP} rows for the old
 * field, and in keyset pages for its connection sibling (docs/query-cost.md). Both run the same
 * JPQL conditions, so they list the same rows.
 */
public final class ListQuery<T extends TrackedEntity> {

    /**
     * The most rows an unpaged list field returns; one more and the field is refused with
     * BAD_USER_INPUT naming its connection sibling (never silently cut short). The compiled read
     * path (cn.worksafety.read) refuses at the same number.
     */
    public static final int CAP = 500;

    private final EntityManager em;
    private final Class<T> type;
    private final String alias;
    private final String where;
    private final Map<String, Object> parameters;

    /** {@code where} is a JPQL condition over {@code alias} (never empty: "1 = 1" for everything). */
    public ListQuery(EntityManager em, Class<T> type, String alias, String where, Map<String, Object> parameters) {
        this.em = em;
        this.type = type;
        this.alias = alias;
        this.where = where;
        this.parameters = new HashMap<>(parameters);
    }

    /** The whole list, or BAD_USER_INPUT when it holds more than {@link #CAP} rows. */
    public List<T> capped(String field, String sibling) {
        List<T> rows = query("select " + alias + " from " + type.getSimpleName() + " " + alias + " where " + where
                + " order by " + alias + ".id", type, parameters).setMaxResults(CAP + 1).getResultList();
        if (rows.size() > CAP) {
            throw overCap(field, sibling);
        }
        return rows;
    }

    /**
     * A nested list (a committee's meetings, an item's progress reports, a mechanism's activations)
     * is capped per parent the same way: BAD_USER_INPUT with {@code advice} on how to get the rest.
     */
    public static <C> void capEach(java.util.Collection<List<C>> groups, String field, String advice) {
        for (List<C> group : groups) {
            if (group.size() > CAP) {
                throw new InvalidInput("'" + field + "' would return more than " + CAP + " records for one parent, more than one "
                        + "answer holds: " + advice);
            }
        }
    }

    public static InvalidInput overCap(String field, String sibling) {
        return new InvalidInput("'" + field + "' would return more than " + CAP + " records, more than one answer holds: page "
                + "through them with '" + sibling + "' (first/after).");
    }

    /** One keyset page by id, with the total count, as every connection of the schema (common.KeysetQuery). */
    public Page<T> page(PageRequest request) {
        return KeysetQuery.jpql(type, alias).where(where).parameters(parameters).page(em, request);
    }

    private <R> TypedQuery<R> query(String jpql, Class<R> resultType, Map<String, Object> params) {
        TypedQuery<R> query = em.createQuery(jpql, resultType);
        params.forEach(query::setParameter);
        return query;
    }
}
