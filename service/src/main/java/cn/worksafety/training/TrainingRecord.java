package cn.worksafety.training;

import cn.worksafety.exchange.ChangedRecord;
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
 * One training a person completed (or sat and failed). The certificate number is personal data
 * (special-operator certificates carry the holder's ID number): the API serves it only through
 * the masking resolver.
 */
@Entity
@Table(name = "training_record")
public class TrainingRecord extends TrackedEntity implements ChangedRecord {

    @Column(name = "person_id")
    @Ignore
    public Long personId;

    @Enumerated(EnumType.STRING)
    @NonNull
    public TrainingKind kind;

    @Column(name = "completed_on")
    @NonNull
    public LocalDate completedOn;

    public Double hours;

    @NonNull
    public boolean passed;

    @Column(name = "certificate_number")
    @Ignore
    public String certificateNumber;

    @Column(name = "valid_until")
    @Description("When set, the record expires on this date whatever the rule's validityMonths say.")
    public LocalDate validUntil;
}
