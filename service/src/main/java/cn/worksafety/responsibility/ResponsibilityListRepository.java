package cn.worksafety.responsibility;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.worksafety.common.ListQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ResponsibilityListRepository implements PanacheRepository<ResponsibilityList> {

    /**
     * Lists the caller may see, in creation order: those issued in its readable region (null:
     * everywhere), and those with an item its unit is assigned to.
     */
    public List<ResponsibilityList> visible(String readablePrefix, Long callerUnitId, boolean includeWithdrawn, Long onlyId) {
        return query(readablePrefix, callerUnitId, includeWithdrawn, onlyId).capped("responsibilityLists", "responsibilityListsConnection");
    }

    /** The lists {@link #visible} returns, as a query to cap or page. */
    public ListQuery<ResponsibilityList> query(String readablePrefix, Long callerUnitId, boolean includeWithdrawn, Long onlyId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (readablePrefix != null) {
            where.append(" and (l.issuerId in (select u.id from Unit u, Region g where u.regionCode = g.code and g.path like :readable)");
            params.put("readable", readablePrefix + "%");
            if (callerUnitId != null) {
                where.append(" or exists (select 1 from Responsibility r, Assignment a where r.listId = l.id"
                        + " and a.responsibilityId = r.id and a.unitId = :callerUnit)");
                params.put("callerUnit", callerUnitId);
            }
            where.append(")");
        }
        if (!includeWithdrawn) {
            where.append(" and l.withdrawnOn is null");
        }
        if (onlyId != null) {
            where.append(" and l.id = :id");
            params.put("id", onlyId);
        }
        return new ListQuery<>(getEntityManager(), ResponsibilityList.class, "l", where.toString(), params);
    }

    public List<ResponsibilityList> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
