package cn.worksafety.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.worksafety.common.ListQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {

    /**
     * Plans in regions under {@code readablePrefix} (null: everywhere), plus the plans with an
     * indicator {@code unitId} is responsible for; optionally of one kind; in creation order.
     */
    public ListQuery<Plan> readable(String readablePrefix, Long unitId, PlanKind kind) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder query = new StringBuilder("1 = 1");
        if (readablePrefix != null) {
            query.append(" and (p.regionCode in (select r.code from Region r where r.path like :readable)");
            params.put("readable", readablePrefix + "%");
            if (unitId != null) {
                query.append(" or exists (select 1 from Indicator i where i.planId = p.id and i.responsibleUnitId = :unit)");
                params.put("unit", unitId);
            }
            query.append(")");
        }
        if (kind != null) {
            query.append(" and p.kind = :kind");
            params.put("kind", kind);
        }
        return new ListQuery<>(getEntityManager(), Plan.class, "p", query.toString(), params);
    }
}
