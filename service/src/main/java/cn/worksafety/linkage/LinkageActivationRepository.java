package cn.worksafety.linkage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class LinkageActivationRepository implements PanacheRepository<LinkageActivation> {

    /**
     * Filters on activations: started in [from, to) when set, with {@code unitId} among the
     * units that took part, of {@code kind}.
     */
    public record Filter(OffsetDateTime from, OffsetDateTime to, Long unitId, ActivationKind kind) {
    }

    /** Activations of all the mechanisms in start order: one statement. */
    public List<LinkageActivation> forMechanisms(Collection<Long> mechanismIds, Filter filter) {
        if (mechanismIds.isEmpty()) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>(List.of("e.mechanismId in :ids"));
        Map<String, Object> params = new HashMap<>(Map.of("ids", mechanismIds));
        apply(filter, (condition, name, value) -> {
            conditions.add(condition);
            params.put(name, value);
        });
        return find("from LinkageActivation e where " + String.join(" and ", conditions) + " order by e.startedAt, e.id", params)
                .list();
    }

    /** A keyset page of activations of mechanisms the reader may read. */
    public Page<LinkageActivation> page(LinkageMechanismRepository.Reader reader, Long mechanismId, Filter filter,
            PageRequest request) {
        KeysetQuery<LinkageActivation> query = KeysetQuery.jpql(LinkageActivation.class, "e");
        String readable = LinkageMechanismRepository.activationCondition(reader);
        if (readable != null) {
            Map<String, Object> params = new HashMap<>();
            reader.bind(params);
            query.where(readable);
            params.forEach(query::parameter);
        }
        if (mechanismId != null) {
            query.where("e.mechanismId = :mechanismId", "mechanismId", mechanismId);
        }
        apply(filter, query::where);
        return query.page(getEntityManager(), request);
    }

    /** Receives one JPQL condition over alias {@code e} with its one named parameter. */
    private interface Where {
        void add(String condition, String parameter, Object value);
    }

    private static void apply(Filter filter, Where where) {
        if (filter.from() != null) {
            where.add("e.startedAt >= :from", "from", filter.from());
        }
        if (filter.to() != null) {
            where.add("e.startedAt < :to", "to", filter.to());
        }
        if (filter.unitId() != null) {
            where.add("exists (select 1 from LinkageActivationUnit au where au.activationId = e.id and au.unitId = :unitId)",
                    "unitId", filter.unitId());
        }
        if (filter.kind() != null) {
            where.add("e.kind = :kind", "kind", filter.kind());
        }
    }

    /** Rows of (mechanism id, kind, count) for activations started in [from, to): one statement. */
    public List<Object[]> counts(Collection<Long> mechanismIds, OffsetDateTime from, OffsetDateTime to) {
        if (mechanismIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select e.mechanismId, e.kind, count(e) from LinkageActivation e"
                + " where e.mechanismId in :ids and e.startedAt >= :from and e.startedAt < :to group by e.mechanismId, e.kind",
                Object[].class)
                .setParameter("ids", mechanismIds).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** Rows of (mechanism id, latest start): one statement. */
    public List<Object[]> lastStarts(Collection<Long> mechanismIds) {
        if (mechanismIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select e.mechanismId, max(e.startedAt) from LinkageActivation e"
                + " where e.mechanismId in :ids group by e.mechanismId", Object[].class)
                .setParameter("ids", mechanismIds).getResultList();
    }

    /** When the mechanism's latest activation started, null if it never was activated: one statement. */
    public OffsetDateTime lastStart(long mechanismId) {
        return getEntityManager().createQuery("select max(e.startedAt) from LinkageActivation e where e.mechanismId = :id",
                OffsetDateTime.class).setParameter("id", mechanismId).getSingleResult();
    }

    /**
     * Rows of (activation id, unit) for the units that took part in the activations, in the
     * order they were named; only those that were not participants when {@code outsidersOnly}.
     * One statement.
     */
    public List<Object[]> units(Collection<Long> activationIds, boolean outsidersOnly) {
        if (activationIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select au.activationId, u from LinkageActivationUnit au, Unit u"
                + " where u.id = au.unitId and au.activationId in :ids" + (outsidersOnly ? " and au.participant = false" : "")
                + " order by au.activationId, au.position", Object[].class)
                .setParameter("ids", activationIds).getResultList();
    }

    public void persistUnit(LinkageActivationUnit row) {
        getEntityManager().persist(row);
    }
}
