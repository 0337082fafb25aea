package cn.worksafety.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.worksafety.common.ListQuery;
import cn.worksafety.organisation.PersonRole;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TrainingRuleRepository implements PanacheRepository<TrainingRule> {

    /** A rule with the path of its region (null: everywhere). */
    public record Scoped(TrainingRule rule, String regionPath) {

        /** Whether the rule reaches a unit whose region has this path. */
        public boolean covers(String unitRegionPath) {
            return regionPath == null || (unitRegionPath != null && unitRegionPath.startsWith(regionPath));
        }
    }

    public List<TrainingRule> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Rules for any of the roles, with their region paths, oldest first. */
    public List<Scoped> forRoles(Collection<PersonRole> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select t, r.path from TrainingRule t left join Region r on r.code = t.regionCode "
                + "where t.role in :roles order by t.id", Object[].class)
                .setParameter("roles", roles).getResultList().stream()
                .map(row -> new Scoped((TrainingRule) row[0], (String) row[1])).toList();
    }

    /**
     * Rules a caller sees: those that reach the caller's region (everywhere, or a region at or above
     * it) and those set inside the region it reads; everything for {@code readablePrefix} null.
     */
    public ListQuery<TrainingRule> visible(String readablePrefix, PersonRole role) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (readablePrefix != null) {
            conditions.add("(t.regionCode is null or exists (select 1 from Region r where r.code = t.regionCode"
                    + " and (:prefix like concat(r.path, '%') or r.path like concat(:prefix, '%'))))");
            params.put("prefix", readablePrefix);
        }
        if (role != null) {
            conditions.add("t.role = :role");
            params.put("role", role);
        }
        return new ListQuery<>(getEntityManager(), TrainingRule.class, "t", conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions),
                params);
    }

    public boolean exists(String regionCode, PersonRole role, TrainingKind kind) {
        return regionCode == null
                ? count("regionCode is null and role = ?1 and kind = ?2", role, kind) > 0
                : count("regionCode = ?1 and role = ?2 and kind = ?3", regionCode, role, kind) > 0;
    }
}
