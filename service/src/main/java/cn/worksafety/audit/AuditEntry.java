package cn.worksafety.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.ColumnTransformer;

/** One successful change: who, when, which operation on which record, state before and after. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public Long id;

    @NonNull
    public OffsetDateTime at;

    @NonNull
    @Description("The token subject of the caller, or 'system' for scheduled work.")
    public String subject;

    @Column(name = "unit_code")
    public String unitCode;

    @NonNull
    public String operation;

    @Column(name = "record_type")
    @NonNull
    public String recordType;

    @Column(name = "record_id")
    @NonNull
    public String recordId;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    @Description("The record before the change, as JSON; null for a creation.")
    public String before;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    @Description("The record after the change, as JSON; null for a removal.")
    public String after;
}
