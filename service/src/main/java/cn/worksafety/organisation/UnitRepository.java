package cn.worksafety.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.SessionCheckMode;

import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class UnitRepository implements PanacheRepository<Unit> {

    public Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * The units with these ids (unknown ids left out). Units already in the request's session (the
     * caller's own, one another field loaded) cost no query: GraphQL may resolve one unit field in
     * several batches, and each would otherwise read the same rows again.
     */
    public List<Unit> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : getSession().findMultiple(Unit.class, List.copyOf(ids), SessionCheckMode.ENABLED).stream()
                        .filter(Objects::nonNull).toList();
    }

    /**
     * Units whose region lies under {@code readablePrefix} (null: everywhere) and, when given,
     * under {@code regionCode}, of {@code kind}.
     */
    public Page<Unit> page(String readablePrefix, String regionCode, UnitKind kind, PageRequest request) {
        KeysetQuery<Unit> query = KeysetQuery.jpql(Unit.class, "e");
        if (readablePrefix != null) {
            query.where("e.regionCode in (select r.code from Region r where r.path like :readable)", "readable",
                    readablePrefix + "%");
        }
        if (regionCode != null) {
            query.where("e.regionCode in (select r.code from Region r where r.path like "
                    + "(select concat(p.path, '%') from Region p where p.code = :regionCode))", "regionCode", regionCode);
        }
        if (kind != null) {
            query.where("e.kind = :kind", "kind", kind);
        }
        return query.page(getEntityManager(), request);
    }
}
