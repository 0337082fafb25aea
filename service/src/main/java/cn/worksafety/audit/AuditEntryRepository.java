package cn.worksafety.audit;

import java.time.OffsetDateTime;
import jakarta.enterprise.context.ApplicationScoped;

import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepository<AuditEntry> {

    /** A page of entries in id order, optionally of one record type, one record id and since a time; not counted. */
    public Page<AuditEntry> page(String recordType, String recordId, OffsetDateTime since, PageRequest request) {
        KeysetQuery<AuditEntry> query = KeysetQuery.jpql(AuditEntry.class, "e", e -> e.id);
        if (recordType != null) {
            query.where("e.recordType = :recordType", "recordType", recordType);
        }
        if (recordId != null) {
            query.where("e.recordId = :recordId", "recordId", recordId);
        }
        if (since != null) {
            query.where("e.at >= :since", "since", since);
        }
        return query.pageWithoutTotal(getEntityManager(), request);
    }
}
