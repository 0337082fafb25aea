package cn.worksafety.hazard;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/**
 * A request to extend a hazard's due date (延期整改申请, 002 (十五)): signed by the park command and
 * the supervising department, filed with the emergency management bureau, then in effect.
 */
@Entity
@Table(name = "hazard_extension")
public class HazardExtension extends TrackedEntity {

    @Column(name = "hazard_id")
    @Ignore
    public Long hazardId;

    @Column(name = "previous_due_on")
    @Description("The hazard's due date when the request was made.")
    @NonNull
    public LocalDate previousDueOn;

    @Column(name = "requested_due_on")
    @NonNull
    public LocalDate requestedDueOn;

    @NonNull
    public String reason;

    @Enumerated(EnumType.STRING)
    @NonNull
    public ExtensionStatus status;

    @Column(name = "park_approved")
    @NonNull
    public boolean parkApproved;

    @Column(name = "park_unit_id")
    @Ignore
    public Long parkUnitId;

    @Column(name = "department_approved")
    @NonNull
    public boolean departmentApproved;

    @Column(name = "department_unit_id")
    @Ignore
    public Long departmentUnitId;

    @Column(name = "decision_note")
    @Description("The signatories' notes, each prefixed with who wrote it.")
    public String decisionNote;

    @Column(name = "filed_on")
    public LocalDate filedOn;

    @Column(name = "filed_by_unit_id")
    @Ignore
    public Long filedByUnitId;
}
