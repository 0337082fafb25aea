package cn.worksafety.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.worksafety.common.TrackedEntity;
import cn.worksafety.security.Caller;

/**
 * Writes the audit trail. Called by services inside their transaction, so a change and its
 * audit row commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditEntryRepository entries;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The JSON state of a record, taken before a change to pass to {@link #changed}. */
    public String snapshot(Object record) {
        if (record == null) {
            return null;
        }
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot snapshot " + record.getClass().getSimpleName(), e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(String operation, TrackedEntity record) {
        changed(operation, record.getClass().getSimpleName(), record.id, null, snapshot(record));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(String operation, TrackedEntity record, String before) {
        changed(operation, record.getClass().getSimpleName(), record.id, before, snapshot(record));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String operation, String recordType, Object recordId, String before, String after) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        entry.subject = caller.auditSubject();
        entry.unitCode = caller.unitCode();
        entry.operation = operation;
        entry.recordType = recordType;
        entry.recordId = String.valueOf(recordId);
        entry.before = before;
        entry.after = after;
        entries.persist(entry);
    }
}
