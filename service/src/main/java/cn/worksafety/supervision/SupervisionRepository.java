package cn.worksafety.supervision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.common.Timestamps;

/** Ladders (native SQL over supervision_ladder and its steps) and actions. */
@ApplicationScoped
public class SupervisionRepository {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The default ladders and those of the regions under the prefix (null: all), defaults first. */
    public List<SupervisionLadder> ladders(String readablePrefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select l.alert_kind, l.region_code, s.step, s.after_days
                from supervision_ladder l
                left join region r on r.code = l.region_code
                left join supervision_ladder_step s on s.alert_kind = l.alert_kind and s.region_code is not distinct from l.region_code
                where l.region_code is null or r.path like :prefix
                order by l.region_code nulls first, l.alert_kind, s.position""")
                .setParameter("prefix", (readablePrefix == null ? "" : readablePrefix) + "%").getResultList();
        Map<String, SupervisionLadder> ladders = new LinkedHashMap<>();
        for (Object[] row : rows) {
            SupervisionLadder ladder = ladders.computeIfAbsent(row[0] + "/" + row[1],
                    key -> new SupervisionLadder(AlertKind.valueOf((String) row[0]), (String) row[1], new ArrayList<>()));
            if (row[2] != null) {
                ladder.steps.add(new LadderStep(SupervisionStep.valueOf((String) row[2]), ((Number) row[3]).intValue()));
            }
        }
        return new ArrayList<>(ladders.values());
    }

    /** The ladder of the kind for the region (null: the default) exactly, or null when there is none of its own. */
    public SupervisionLadder ladder(AlertKind kind, String regionCode) {
        return ladders(null).stream().filter(l -> l.alertKind == kind && java.util.Objects.equals(l.regionCode, regionCode))
                .findFirst().orElse(null);
    }

    /** The steps of the ladder that applies to an alert of the kind in the region: its own, the nearest above, or the default. */
    @SuppressWarnings("unchecked")
    public List<SupervisionStep> effectiveSteps(AlertKind kind, String regionCode) {
        List<String> rows = em.createNativeQuery("""
                select s.step from supervision_ladder_step s
                where s.alert_kind = :kind and s.region_code is not distinct from (
                    select l.region_code from supervision_ladder l
                    left join region lr on lr.code = l.region_code
                    join region r on r.code = :region
                    where l.alert_kind = :kind and (l.region_code is null or r.path like lr.path || '%')
                    order by length(lr.path) desc nulls last limit 1)
                order by s.position""")
                .setParameter("kind", kind.name()).setParameter("region", regionCode).getResultList();
        return rows.stream().map(SupervisionStep::valueOf).toList();
    }

    /** Replaces the ladder of the kind for the region (null: the default). */
    public void replaceLadder(AlertKind kind, String regionCode, List<LadderStep> steps) {
        em.createNativeQuery("delete from supervision_ladder_step where alert_kind = :kind and region_code is not distinct from :region")
                .setParameter("kind", kind.name()).setParameter("region", text(regionCode)).executeUpdate();
        em.createNativeQuery("""
                insert into supervision_ladder (alert_kind, region_code, updated_at) values (:kind, :region, :now)
                on conflict on constraint supervision_ladder_identity
                do update set updated_at = :now, version = supervision_ladder.version + 1""")
                .setParameter("kind", kind.name()).setParameter("region", text(regionCode)).setParameter("now", Timestamps.now(clock))
                .executeUpdate();
        for (int i = 0; i < steps.size(); i++) {
            em.createNativeQuery("insert into supervision_ladder_step (alert_kind, region_code, position, step, after_days) "
                    + "values (:kind, :region, :position, :step, :days)")
                    .setParameter("kind", kind.name()).setParameter("region", text(regionCode)).setParameter("position", i + 1)
                    .setParameter("step", steps.get(i).step().name()).setParameter("days", steps.get(i).afterDays()).executeUpdate();
        }
    }

    // A null region is bound as text: PostgreSQL cannot infer the type of an untyped null.
    private static TypedParameterValue<String> text(String value) {
        return new TypedParameterValue<>(StandardBasicTypes.STRING, value);
    }

    /** The committee office designated for the region or the nearest above it; null when none is. */
    public Long committeeOffice(String regionCode) {
        List<?> rows = em.createNativeQuery("""
                select d.unit_id from unit_designation d
                join region dr on dr.code = d.region_code
                join region r on r.code = :region and r.path like dr.path || '%'
                where d.role = 'COMMITTEE_OFFICE'
                order by length(dr.path) desc limit 1""")
                .setParameter("region", regionCode).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    public SupervisionAction action(long id) {
        return em.find(SupervisionAction.class, id);
    }

    public void persist(SupervisionAction action) {
        em.persist(action);
        em.flush();
    }

    /** The actions of the alerts, oldest first, in one statement. */
    public List<SupervisionAction> actionsOf(Collection<Long> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from SupervisionAction a where a.alertId in :ids order by a.issuedOn, a.id", SupervisionAction.class)
                .setParameter("ids", alertIds).getResultList();
    }
}
