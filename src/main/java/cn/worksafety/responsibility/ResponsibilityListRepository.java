package cn.worksafety.responsibility;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ResponsibilityListRepository implements PanacheRepository<ResponsibilityList> {

    /**
     * Lists the caller may see, in creation order: those issued in its readable region (null:
     * everywhere), and those with an item its unit is assigned to.
     */
    public List<ResponsibilityList> visible(String readablePrefix, Long callerUnitId, boolean includeWithdrawn, Long onlyId) {
        StringBuilder jpql = new StringBuilder("select l from ResponsibilityList l where 1 = 1");
        if (readablePrefix != null) {
            jpql.append(" and (l.issuerId in (select u.id from Unit u, Region g where u.regionCode = g.code and g.path like :readable)");
            if (callerUnitId != null) {
                jpql.append(" or exists (select 1 from Responsibility r, Assignment a where r.listId = l.id"
                        + " and a.responsibilityId = r.id and a.unitId = :callerUnit)");
            }
            jpql.append(")");
        }
        if (!includeWithdrawn) {
            jpql.append(" and l.withdrawnOn is null");
        }
        if (onlyId != null) {
            jpql.append(" and l.id = :id");
        }
        TypedQuery<ResponsibilityList> query = getEntityManager().createQuery(jpql.append(" order by l.id").toString(),
                ResponsibilityList.class);
        if (readablePrefix != null) {
            query.setParameter("readable", readablePrefix + "%");
            if (callerUnitId != null) {
                query.setParameter("callerUnit", callerUnitId);
            }
        }
        if (onlyId != null) {
            query.setParameter("id", onlyId);
        }
        return query.getResultList();
    }

    public List<ResponsibilityList> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
