package cn.worksafety.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.worksafety.common.Timestamps;
import cn.worksafety.exchange.ChangedRecord;

/**
 * An enterprise's emergency plan (应急预案, 002 (十二)), filed with its industry department and the
 * emergency management bureau. Not a TrackedEntity: the contract's {@code version} is the plan's
 * own version label, so the row version is kept apart ({@code rowVersion}, column {@code version}).
 */
@Entity
@Table(name = "emergency_plan")
@EntityListeners(Timestamps.class)
public class EmergencyPlan implements ChangedRecord, Timestamps.Stamped {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public Long id;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @NonNull
    public String title;

    @Column(name = "plan_version")
    @NonNull
    @Description("The plan's own version label (e.g. 2026 修订版).")
    public String version;

    @Column(name = "filed_on")
    @Description("The day the plan was filed (备案); null while it is not.")
    public LocalDate filedOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "filed_with_ids", columnDefinition = "bigint[]")
    @Ignore
    public List<Long> filedWithIds = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    @NonNull
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    @NonNull
    public OffsetDateTime updatedAt;

    @Version
    @Column(name = "version")
    @Ignore
    public int rowVersion;

    @Override
    public void stampCreation(OffsetDateTime now) {
        createdAt = now;
        updatedAt = now;
    }

    @Override
    public void stampUpdate(OffsetDateTime now) {
        updatedAt = now;
    }
}
