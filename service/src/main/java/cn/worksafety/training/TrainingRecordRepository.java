package cn.worksafety.training;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import cn.worksafety.common.Cursor;
import cn.worksafety.common.KeysetOrder;
import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TrainingRecordRepository implements PanacheRepository<TrainingRecord> {

    /** One row of a unit's training states. */
    public record StateRow(long personId, long ruleId, TrainingState state, LocalDate expiresOn, Long recordId) {
    }

    public List<TrainingRecord> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Every record of the persons (of one kind when given), newest first. */
    public List<TrainingRecord> ofPersons(Collection<Long> personIds, TrainingKind kind) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return kind == null
                ? list("personId in ?1 order by completedOn desc, id desc", personIds)
                : list("personId in ?1 and kind = ?2 order by completedOn desc, id desc", personIds, kind);
    }

    /** The region path of each unit. */
    public Map<Long, String> unitRegionPaths(Collection<Long> unitIds) {
        Map<Long, String> paths = new HashMap<>();
        if (!unitIds.isEmpty()) {
            getEntityManager().createQuery("select u.id, r.path from Unit u join Region r on r.code = u.regionCode "
                    + "where u.id in :ids", Object[].class).setParameter("ids", unitIds).getResultList()
                    .forEach(row -> paths.put((Long) row[0], (String) row[1]));
        }
        return paths;
    }

    /**
     * A page of the unit's (person, rule) states among {@code states}, in (person, rule) order
     * ({@link KeysetOrder#PAIR}), with their total: one statement.
     */
    @SuppressWarnings("unchecked")
    public Page<StateRow> unitStates(long unitId, Collection<TrainingState> states, LocalDate asOf, int expiringDays,
            PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        String after = request.after() == null ? "true" : KeysetQuery.after(request.after(), "g.person_id", "g.rule_id", params);
        Query query = getEntityManager().createNativeQuery(TrainingStateSql.unitPage(after))
                .setParameter("unitId", unitId).setParameter("states", states.stream().map(Enum::name).toList())
                .setParameter("asOf", asOf).setParameter("expiringDays", expiringDays).setParameter("limit", request.limit());
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue();
        return Page.of(rows.stream().filter(row -> row[1] != null)
                .map(row -> new StateRow(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                        TrainingState.valueOf((String) row[3]), toDate(row[4]), row[5] == null ? null : ((Number) row[5]).longValue()))
                .toList(), request, total, r -> new Cursor(KeysetOrder.PAIR, r.personId(), r.ruleId()));
    }

    /** The training rule each alert is about (null for other kinds), keyed by alert id. */
    @SuppressWarnings("unchecked")
    public Map<Long, Long> ruleIdsOfAlerts(Collection<Long> alertIds) {
        Map<Long, Long> rules = new HashMap<>();
        if (!alertIds.isEmpty()) {
            List<Object[]> rows = getEntityManager()
                    .createNativeQuery("select id, training_rule_id from alert where id in (:ids) and training_rule_id is not null")
                    .setParameter("ids", alertIds).getResultList();
            rows.forEach(row -> rules.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        }
        return rules;
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
