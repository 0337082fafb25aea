package cn.worksafety.linkage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class LinkageMechanismRepository implements PanacheRepository<LinkageMechanism> {

    /** JPQL over alias {@code m}: the lead unit's region lies under the prefix. */
    static final String READABLE = "m.leadUnitId in (select u.id from Unit u, Region r where u.regionCode = r.code and r.path like :readable)";

    /**
     * The filters of {@code linkageMechanisms}. {@code readablePrefix} null means everywhere;
     * {@code idleFrom}/{@code idleTo}, when set, keep only mechanisms with no activation starting
     * in [idleFrom, idleTo).
     */
    public record Filter(String readablePrefix, LinkageKind kind, Long unitId, LinkageRole role, boolean includeRetired,
            OffsetDateTime idleFrom, OffsetDateTime idleTo) {
    }

    public List<LinkageMechanism> search(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.readablePrefix() != null) {
            conditions.add(READABLE);
            params.put("readable", filter.readablePrefix() + "%");
        }
        if (filter.kind() != null) {
            conditions.add("m.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.unitId() != null) {
            String lead = "m.leadUnitId = :unitId";
            String joins = "exists (select 1 from LinkageParticipant p where p.mechanismId = m.id and p.unitId = :unitId)";
            conditions.add(filter.role() == LinkageRole.LEAD ? lead
                    : filter.role() == LinkageRole.PARTICIPANT ? joins : "(" + lead + " or " + joins + ")");
            params.put("unitId", filter.unitId());
        }
        if (!filter.includeRetired()) {
            conditions.add("m.retiredOn is null");
        }
        if (filter.idleFrom() != null) {
            conditions.add("not exists (select 1 from LinkageActivation a where a.mechanismId = m.id"
                    + " and a.startedAt >= :idleFrom and a.startedAt < :idleTo)");
            params.put("idleFrom", filter.idleFrom());
            params.put("idleTo", filter.idleTo());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return find("from LinkageMechanism m" + where + " order by m.id", params).list();
    }

    /** The mechanism if its lead unit lies under the prefix (null: everywhere). */
    public LinkageMechanism readable(long id, String readablePrefix) {
        if (readablePrefix == null) {
            return findById(id);
        }
        return find("from LinkageMechanism m where m.id = :id and " + READABLE,
                Map.of("id", id, "readable", readablePrefix + "%")).firstResult();
    }

    public List<LinkageMechanism> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
