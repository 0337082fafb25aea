package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.worksafety.common.ListQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CommitteeRepository implements PanacheRepository<Committee> {

    public List<Committee> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Committees of units under {@code readablePrefix} (null: everywhere), of one unit when given, by id. */
    public ListQuery<Committee> readable(String readablePrefix, Long unitId) {
        StringBuilder jpql = new StringBuilder("1 = 1");
        var query = new java.util.HashMap<String, Object>();
        if (readablePrefix != null) {
            jpql.append(" and c.unitId in (select u.id from Unit u, Region r where u.regionCode = r.code and r.path like :readable)");
            query.put("readable", readablePrefix + "%");
        }
        if (unitId != null) {
            jpql.append(" and c.unitId = :unitId");
            query.put("unitId", unitId);
        }
        return new ListQuery<>(getEntityManager(), Committee.class, "c", jpql.toString(), query);
    }

    public boolean nameTaken(Long unitId, String name, Long exceptId) {
        return count("unitId = ?1 and name = ?2 and id <> ?3", unitId, name, exceptId == null ? -1L : exceptId) > 0;
    }

    /** Rows of [committee id, member Unit] for the committees, members in their listed order: one statement. */
    public List<Object[]> members(Collection<Long> committeeIds) {
        if (committeeIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select m.committeeId, u from CommitteeMember m, Unit u "
                + "where u.id = m.unitId and m.committeeId in :ids order by m.committeeId, m.position", Object[].class)
                .setParameter("ids", committeeIds).getResultList();
    }

    public List<Long> memberIds(Long committeeId) {
        return getEntityManager().createQuery("select m.unitId from CommitteeMember m where m.committeeId = :id order by m.position",
                Long.class).setParameter("id", committeeId).getResultList();
    }

    public void replaceMembers(Long committeeId, List<Long> unitIds) {
        getEntityManager().createQuery("delete from CommitteeMember m where m.committeeId = :id").setParameter("id", committeeId)
                .executeUpdate();
        for (int i = 0; i < unitIds.size(); i++) {
            getEntityManager().persist(new CommitteeMember(committeeId, unitIds.get(i), i));
        }
    }

    /** The earliest day a meeting of the committee (not withdrawn) was held, or null. */
    public LocalDate firstMeeting(Long committeeId) {
        return getEntityManager().createQuery("select min(m.heldOn) from Meeting m where m.committeeId = :id and m.withdrawnAt is null",
                LocalDate.class).setParameter("id", committeeId).getSingleResult();
    }
}
