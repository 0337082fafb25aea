package cn.worksafety.linkage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.worksafety.common.ListQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class LinkageMechanismRepository implements PanacheRepository<LinkageMechanism> {

    /** JPQL over alias {@code m}: the lead unit's region lies under the prefix. */
    private static final String LEAD_IN_REGION = "m.leadUnitId in (select u.id from Unit u, Region r"
            + " where u.regionCode = r.code and r.path like :readable)";

    /** JPQL over alias {@code m}: the reader's unit is one of the participants. */
    private static final String READER_TAKES_PART = "exists (select 1 from LinkageParticipant rp"
            + " where rp.mechanismId = m.id and rp.unitId = :readerUnit)";

    /**
     * Who reads mechanisms: those whose lead unit lies under {@code readablePrefix} (null:
     * everywhere) and those in which {@code unitId} (the caller's unit, may be null) takes part.
     * A town participating in a county mechanism reads it although the lead is above its region.
     */
    public record Reader(String readablePrefix, Long unitId) {

        /** The JPQL condition over alias {@code m}, or null when the reader sees everything. */
        String condition() {
            if (readablePrefix == null) {
                return null;
            }
            return unitId == null ? LEAD_IN_REGION : "(" + LEAD_IN_REGION + " or " + READER_TAKES_PART + ")";
        }

        /** Adds the condition's parameters. */
        void bind(Map<String, Object> params) {
            if (readablePrefix != null) {
                params.put("readable", readablePrefix + "%");
                if (unitId != null) {
                    params.put("readerUnit", unitId);
                }
            }
        }
    }

    /**
     * The filters of {@code linkageMechanisms}; {@code idleFrom}/{@code idleTo}, when set, keep
     * only mechanisms with no activation starting in [idleFrom, idleTo).
     */
    public record Filter(Reader reader, LinkageKind kind, Long unitId, LinkageRole role, boolean includeRetired,
            OffsetDateTime idleFrom, OffsetDateTime idleTo) {
    }

    public ListQuery<LinkageMechanism> search(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.reader().condition() != null) {
            conditions.add(filter.reader().condition());
            filter.reader().bind(params);
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
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new ListQuery<>(getEntityManager(), LinkageMechanism.class, "m", where, params);
    }

    /** The mechanism if the reader may read it, else null. */
    public LinkageMechanism readable(long id, Reader reader) {
        if (reader.condition() == null) {
            return findById(id);
        }
        Map<String, Object> params = new HashMap<>(Map.of("id", id));
        reader.bind(params);
        return find("from LinkageMechanism m where m.id = :id and " + reader.condition(), params).firstResult();
    }

    /** JPQL over alias {@code e} (an activation): its mechanism is one the reader may read, or null for everything. */
    static String activationCondition(Reader reader) {
        return reader.condition() == null ? null
                : "e.mechanismId in (select m.id from LinkageMechanism m where " + reader.condition() + ")";
    }

    public List<LinkageMechanism> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
