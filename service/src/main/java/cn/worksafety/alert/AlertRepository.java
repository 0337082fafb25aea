package cn.worksafety.alert;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AlertRepository implements PanacheRepository<Alert> {

    @Inject
    Clock clock;

    public Page<Alert> page(String readablePrefix, AlertStatus status, AlertKind kind, Long unitId, PageRequest request) {
        KeysetQuery<Alert> query = KeysetQuery.jpql(Alert.class, "e");
        if (readablePrefix != null) {
            query.where("e.unitId in (select u.id from Unit u, Region r where u.regionCode = r.code and r.path like :readable)",
                    "readable", readablePrefix + "%");
        }
        if (status != null) {
            query.where("e.status = :status", "status", status);
        }
        if (kind != null) {
            query.where("e.kind = :kind", "kind", kind);
        }
        if (unitId != null) {
            query.where("e.unitId = :unitId", "unitId", unitId);
        }
        return query.page(getEntityManager(), request);
    }

    /**
     * Resolves the open alerts of a kind about a subject (in one period, or all periods when
     * null) because the condition is gone: e.g. a meeting recorded late or newer training.
     */
    public int resolveCleared(AlertKind kind, long subject, String period, String note) {
        String periodClause = period == null ? "" : " and period = :period";
        var query = getEntityManager().createNativeQuery("update alert set status = 'RESOLVED', resolved_at = :now, "
                + "resolved_by = 'system', resolution_note = :note, updated_at = :now, version = version + 1 "
                + "where kind = :kind and subject_id = :subject and status <> 'RESOLVED'" + periodClause)
                .setParameter("now", Timestamps.now(clock)).setParameter("note", note).setParameter("kind", kind.name()).setParameter("subject", subject);
        if (period != null) {
            query.setParameter("period", period);
        }
        return query.executeUpdate();
    }
}
