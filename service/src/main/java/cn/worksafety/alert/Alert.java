package cn.worksafety.alert;

import cn.worksafety.exchange.ChangedRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/**
 * A reminder raised by a check: about one subject (committee, person or responsibility), for
 * the unit that must act, in one period. Rows are written by set-based SQL in the checks.
 * Training adds {@code trainingRule} (training/AlertTrainingFields).
 */
@Entity
public class Alert extends TrackedEntity implements ChangedRecord {

    @Enumerated(EnumType.STRING)
    @NonNull
    public AlertKind kind;

    @Enumerated(EnumType.STRING)
    @NonNull
    public AlertStatus status;

    @Description("The period key (2026-Q3) for missed meetings, the expiry date for training, the due date (ISO) for an overdue responsibility, null otherwise.")
    public String period;

    @Column(name = "subject_id")
    @Ignore
    public Long subject;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @NonNull
    public String message;

    @Column(name = "raised_at")
    @NonNull
    public OffsetDateTime raisedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolution_note")
    @Description("Why it was resolved: the system's note when the condition cleared, the office's reason when it closed the alert.")
    public String resolutionNote;

    @Column(name = "closed_on")
    @Description("The day the committee office closed the alert while its condition held (closeAlert); the checks raise it again after the quiet period if it still holds. Null when the system resolved it.")
    public LocalDate closedOn;

    @org.eclipse.microprofile.graphql.Id
    @NonNull
    @Description("The committee, person or responsibility the alert is about.")
    public String getSubjectId() {
        return String.valueOf(subject);
    }
}
