package cn.worksafety.responsibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import cn.worksafety.common.Cursor;
import cn.worksafety.common.KeysetOrder;
import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Items, their assignments and reports. Item pages are keyset-paginated native SQL so that the
 * computed status can be filtered in the database (see {@link ResponsibilityFilter}).
 */
@ApplicationScoped
public class ResponsibilityRepository implements PanacheRepository<Responsibility> {

    @Inject
    Clock clock;

    // ---------- item pages ----------

    /** One keyset page over every visible item matching the filter, by id or by (updatedAt, id). */
    public Page<Responsibility> page(ResponsibilityFilter filter, PageRequest request) {
        ResponsibilityFilter.Sql sql = filter.sql();
        KeysetQuery<Responsibility> query = KeysetQuery.sql(Responsibility.class, "r", ResponsibilityFilter.FROM);
        sql.conditions.forEach(query::where);
        return query.parameters(sql.params).page(getEntityManager(), request);
    }

    /**
     * The first page of items of each list (same filter and page request for all): two
     * statements for any number of lists, whatever their sizes.
     */
    public Map<Long, Page<Responsibility>> pagesByList(Collection<Long> listIds, ResponsibilityFilter filter, PageRequest request) {
        Map<Long, Page<Responsibility>> pages = new LinkedHashMap<>();
        if (listIds.isEmpty()) {
            return pages;
        }
        EntityManager em = getEntityManager();
        ResponsibilityFilter.Sql sql = filter.sql().where("r.list_id in (:lists)", "lists", listIds);
        Map<Long, Long> totals = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> counts = bind(em.createNativeQuery("select r.list_id, count(*)" + ResponsibilityFilter.FROM + sql.clause()
                + " group by r.list_id"), sql.params).getResultList();
        counts.forEach(row -> totals.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));

        if (request.after() != null) {
            // Nested item lists are by id only (no updatedSince): the window below orders by id.
            sql.where(KeysetQuery.after(request.after(), null, "r.id", sql.params));
        }
        sql.params.put("limit", request.limit());
        @SuppressWarnings("unchecked")
        List<Responsibility> rows = bind(em.createNativeQuery("select * from responsibility where id in (select x.id from ("
                + "select r.id, row_number() over (partition by r.list_id order by r.id) as rn" + ResponsibilityFilter.FROM
                + sql.clause() + ") x where x.rn <= :limit) order by list_id, id", Responsibility.class), sql.params).getResultList();
        Map<Long, List<Responsibility>> byList = new HashMap<>();
        rows.forEach(r -> byList.computeIfAbsent(r.listId, k -> new ArrayList<>()).add(r));
        for (Long listId : listIds) {
            pages.put(listId, Page.of(byList.getOrDefault(listId, List.of()), request, totals.getOrDefault(listId, 0L),
                    r -> new Cursor(KeysetOrder.ID, null, r.id)));
        }
        return pages;
    }

    /** One item if it exists and the filter (visibility) lets the caller see it. */
    public Responsibility visible(long id, ResponsibilityFilter filter) {
        ResponsibilityFilter.Sql sql = filter.sql().where("r.id = :id", "id", id);
        @SuppressWarnings("unchecked")
        List<Responsibility> rows = bind(getEntityManager().createNativeQuery("select r.*" + ResponsibilityFilter.FROM + sql.clause(),
                Responsibility.class), sql.params).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The items among {@code ids} that exist and that the filter (visibility) lets the caller see: one statement. */
    public List<Responsibility> visible(Collection<Long> ids, ResponsibilityFilter filter) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ResponsibilityFilter.Sql sql = filter.sql().where("r.id in (:ids)", "ids", ids);
        @SuppressWarnings("unchecked")
        List<Responsibility> rows = bind(getEntityManager().createNativeQuery("select r.*" + ResponsibilityFilter.FROM + sql.clause(),
                Responsibility.class), sql.params).getResultList();
        return rows;
    }

    /**
     * How many plan tasks (planning feature, table plan_task) are linked to the item: such an item
     * is referenced from a plan and cannot be removed.
     */
    public long linkedPlanTaskCount(long itemId) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from plan_task where responsibility_id = :id")
                .setParameter("id", itemId).getSingleResult()).longValue();
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    // ---------- batch loading for nested fields ----------

    public List<Responsibility> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public List<Responsibility> ofList(long listId) {
        return list("listId = ?1 order by id", listId);
    }

    /** The computed status of each item as of the date, by id. */
    public Map<Long, ResponsibilityStatus> statuses(Collection<Long> ids, LocalDate asOf) {
        Map<Long, ResponsibilityStatus> statuses = new HashMap<>();
        if (ids.isEmpty()) {
            return statuses;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select r.id, " + ResponsibilityFilter.STATUS
                + " from responsibility r where r.id in (:ids)").setParameter("ids", ids).setParameter("asOf", asOf).getResultList();
        rows.forEach(row -> statuses.put(((Number) row[0]).longValue(), ResponsibilityStatus.valueOf((String) row[1])));
        return statuses;
    }

    /** The date each completed item was completed (its first completing report), by id. */
    public Map<Long, LocalDate> completedOn(Collection<Long> ids) {
        Map<Long, LocalDate> dates = new HashMap<>();
        if (ids.isEmpty()) {
            return dates;
        }
        List<Object[]> rows = getEntityManager().createQuery("select p.responsibilityId, min(p.reportedOn) from ProgressReport p"
                + " where p.responsibilityId in :ids and p.countsAsCompletion = true group by p.responsibilityId", Object[].class)
                .setParameter("ids", ids).getResultList();
        rows.forEach(row -> dates.put((Long) row[0], (LocalDate) row[1]));
        return dates;
    }

    public List<Assignment> assignmentsOf(Collection<Long> itemIds) {
        return itemIds.isEmpty() ? List.of()
                : getEntityManager().createQuery("from Assignment a where a.responsibilityId in :ids order by a.responsibilityId, a.id",
                        Assignment.class).setParameter("ids", itemIds).getResultList();
    }

    public List<ProgressReport> reportsOf(Collection<Long> itemIds) {
        return itemIds.isEmpty() ? List.of()
                : getEntityManager().createQuery("from ProgressReport p where p.responsibilityId in :ids"
                        + " order by p.responsibilityId, p.reportedOn, p.id", ProgressReport.class)
                        .setParameter("ids", itemIds).getResultList();
    }

    public long reportCount(long itemId) {
        return getEntityManager().createQuery("select count(p) from ProgressReport p where p.responsibilityId = :id", Long.class)
                .setParameter("id", itemId).getSingleResult();
    }

    // ---------- changes ----------

    public void persist(Assignment assignment) {
        getEntityManager().persist(assignment);
    }

    public void persist(ProgressReport report) {
        getEntityManager().persist(report);
    }

    public void deleteAssignments(long itemId) {
        getEntityManager().createQuery("delete from Assignment a where a.responsibilityId = :id").setParameter("id", itemId)
                .executeUpdate();
    }

    /**
     * Marks an item as changed for "changed since" pulls without moving its version: a progress
     * report changes what a client sees of the item but must not collide with an edit.
     */
    public void touchItem(long id) {
        touch("responsibility", id);
    }

    /** Marks a list as changed (items added or removed) without moving its version. */
    public void touchList(long id) {
        touch("responsibility_list", id);
    }

    /** Marks every item of a list as changed (the list was withdrawn). */
    public void touchItemsOfList(long listId) {
        getEntityManager().createNativeQuery("update responsibility set updated_at = :now where list_id = :id")
                .setParameter("now", Timestamps.now(clock)).setParameter("id", listId)
                .executeUpdate();
    }

    private void touch(String table, long id) {
        getEntityManager().createNativeQuery("update " + table + " set updated_at = :now where id = :id")
                .setParameter("now", Timestamps.now(clock)).setParameter("id", id)
                .executeUpdate();
    }
}
