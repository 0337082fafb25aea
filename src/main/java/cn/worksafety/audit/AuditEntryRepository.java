package cn.worksafety.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepository<AuditEntry> {

    /** Entries in id order after {@code afterId}, optionally of one record type, one record id and since a time. */
    public List<AuditEntry> page(Long afterId, String recordType, String recordId, OffsetDateTime since, int limit) {
        StringBuilder query = new StringBuilder("from AuditEntry e where e.id > :after");
        var params = new java.util.HashMap<String, Object>();
        params.put("after", afterId == null ? 0L : afterId);
        if (recordType != null) {
            query.append(" and e.recordType = :recordType");
            params.put("recordType", recordType);
        }
        if (recordId != null) {
            query.append(" and e.recordId = :recordId");
            params.put("recordId", recordId);
        }
        if (since != null) {
            query.append(" and e.at >= :since");
            params.put("since", since);
        }
        return find(query.append(" order by e.id").toString(), params).range(0, limit - 1).list();
    }
}
