package cn.worksafety.hazard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;

/** The hazard register's queries: entities by id in batches, keyset pages, designations. */
@ApplicationScoped
public class HazardRepository {

    @Inject
    EntityManager em;

    public EntityManager em() {
        return em;
    }

    public <T> T find(Class<T> type, long id) {
        return em.find(type, id);
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public List<Hazard> hazards(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : em.createQuery("select h from Hazard h where h.id in :ids", Hazard.class).setParameter("ids", ids).getResultList();
    }

    public List<RiskPoint> riskPoints(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : em.createQuery("select r from RiskPoint r where r.id in :ids", RiskPoint.class).setParameter("ids", ids).getResultList();
    }

    /** The extension requests of the hazards, oldest first. */
    public List<HazardExtension> extensionsOf(Collection<Long> hazardIds) {
        return hazardIds.isEmpty() ? List.of()
                : em.createQuery("select e from HazardExtension e where e.hazardId in :ids order by e.id", HazardExtension.class)
                        .setParameter("ids", hazardIds).getResultList();
    }

    /** The interviews about the hazards, in the order they were held. */
    public List<HazardInterview> interviewsOf(Collection<Long> hazardIds) {
        return hazardIds.isEmpty() ? List.of()
                : em.createQuery("select i from HazardInterview i where i.hazardId in :ids order by i.heldOn, i.id", HazardInterview.class)
                        .setParameter("ids", hazardIds).getResultList();
    }

    /** The pending (REQUESTED or APPROVED) extension of a hazard, if any. */
    public Optional<HazardExtension> pendingExtension(long hazardId) {
        return em.createQuery("select e from HazardExtension e where e.hazardId = :h and e.status in :s", HazardExtension.class)
                .setParameter("h", hazardId).setParameter("s", List.of(ExtensionStatus.REQUESTED, ExtensionStatus.APPROVED))
                .getResultStream().findFirst();
    }

    /** The filter of a hazards(...) page; nulls filter nothing. */
    public record HazardFilter(String readablePrefix, HazardStatus status, HazardGrade grade, Long unitId, Long supervisingUnitId,
            Boolean overdue, Boolean listed, LocalDate foundFrom, LocalDate foundTo, Long riskPointId, String regionCode,
            LocalDate today) {
    }

    public Page<Hazard> page(HazardFilter f, PageRequest request) {
        KeysetQuery<Hazard> query = KeysetQuery.jpql(Hazard.class, "e");
        if (f.readablePrefix() != null) {
            query.where("e.regionCode in (select r.code from Region r where r.path like :readable)", "readable", f.readablePrefix() + "%");
        }
        if (f.regionCode() != null) {
            query.where("e.regionCode in (select r.code from Region r where r.path like "
                    + "(select concat(p.path, '%') from Region p where p.code = :regionCode))", "regionCode", f.regionCode());
        }
        if (f.status() != null) {
            query.where("e.status = :status", "status", f.status());
        }
        if (f.grade() != null) {
            query.where("e.grade = :grade", "grade", f.grade());
        }
        if (f.unitId() != null) {
            query.where("e.unitId = :unitId", "unitId", f.unitId());
        }
        if (f.supervisingUnitId() != null) {
            query.where("e.supervisingUnitId = :supervisingUnitId", "supervisingUnitId", f.supervisingUnitId());
        }
        if (f.riskPointId() != null) {
            query.where("e.riskPointId = :riskPointId", "riskPointId", f.riskPointId());
        }
        if (f.overdue() != null) {
            query.where(f.overdue() ? "(e.status = :open and e.dueOn < :today)" : "(e.status <> :open or e.dueOn >= :today)", "today", f.today())
                    .parameter("open", HazardStatus.OPEN);
        }
        if (f.listed() != null) {
            query.where("e.listedSupervision = :listed", "listed", f.listed());
        }
        if (f.foundFrom() != null) {
            query.where("e.foundOn >= :foundFrom", "foundFrom", f.foundFrom());
        }
        if (f.foundTo() != null) {
            query.where("e.foundOn <= :foundTo", "foundTo", f.foundTo());
        }
        return query.page(em, request);
    }

    public Page<RiskPoint> riskPointPage(String readablePrefix, Long unitId, RiskLevel level, PageRequest request) {
        KeysetQuery<RiskPoint> query = KeysetQuery.jpql(RiskPoint.class, "e");
        if (readablePrefix != null) {
            query.where("e.unitId in (select u.id from Unit u where u.regionCode in "
                    + "(select r.code from Region r where r.path like :readable))", "readable", readablePrefix + "%");
        }
        if (unitId != null) {
            query.where("e.unitId = :unitId", "unitId", unitId);
        }
        if (level != null) {
            query.where("e.level = :level", "level", level);
        }
        return query.page(em, request);
    }

    /**
     * The unit designated for the role in the region or, failing that, in the nearest region above
     * it; null when none is.
     */
    public Long designated(String regionCode, DesignationRole role) {
        List<?> rows = em.createNativeQuery("""
                select d.unit_id from unit_designation d
                join region dr on dr.code = d.region_code
                join region r on r.code = :region and r.path like dr.path || '%'
                where d.role = :role
                order by length(dr.path) desc limit 1""")
                .setParameter("region", regionCode).setParameter("role", role.name()).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    public Optional<UnitDesignation> designation(String regionCode, DesignationRole role) {
        return em.createQuery("select d from UnitDesignation d where d.regionCode = :r and d.role = :role", UnitDesignation.class)
                .setParameter("r", regionCode).setParameter("role", role).getResultStream().findFirst();
    }

    /** Designations made in the regions under the prefix (null: everywhere), by region and role. */
    public List<UnitDesignation> designations(String readablePrefix, String regionCode) {
        var query = em.createQuery("select d from UnitDesignation d where d.regionCode in (select r.code from Region r "
                + "where r.path like :prefix)" + (regionCode == null ? "" : " and d.regionCode = :region")
                + " order by d.regionCode, d.role", UnitDesignation.class)
                .setParameter("prefix", (readablePrefix == null ? "" : readablePrefix) + "%");
        if (regionCode != null) {
            query.setParameter("region", regionCode);
        }
        return query.getResultList();
    }
}
