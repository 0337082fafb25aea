package cn.worksafety.organisation;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PersonRepository implements PanacheRepository<Person> {

    public List<Person> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** People of units under {@code readablePrefix} (null: everywhere), optionally of one unit and role. */
    public Page<Person> page(String readablePrefix, Long unitId, PersonRole role, PageRequest request) {
        KeysetQuery<Person> query = KeysetQuery.jpql(Person.class, "e");
        if (readablePrefix != null) {
            query.where("e.unitId in (select u.id from Unit u, Region r where u.regionCode = r.code and r.path like :readable)",
                    "readable", readablePrefix + "%");
        }
        if (unitId != null) {
            query.where("e.unitId = :unitId", "unitId", unitId);
        }
        if (role != null) {
            query.where("array_contains(e.roleNames, :role)", "role", role.name());
        }
        return query.page(getEntityManager(), request);
    }
}
