package cn.worksafety.linkage;

import cn.worksafety.exchange.ChangedRecord;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/** One time a mechanism was put to work: a joint enforcement operation, a drill, a response ... */
@Entity
@Table(name = "linkage_activation")
public class LinkageActivation extends TrackedEntity implements ChangedRecord {

    @Column(name = "mechanism_id")
    @Ignore
    public Long mechanismId;

    @Enumerated(EnumType.STRING)
    @NonNull
    public ActivationKind kind;

    @Column(name = "started_at")
    @NonNull
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    public String summary;

    @Column(name = "recorded_by_unit_id")
    @Ignore
    public Long recordedByUnitId;

    @Column(name = "drew_in_non_participants")
    @NonNull
    @Description("True when a unit that was neither the lead nor a participant of the mechanism (when the "
            + "activation was recorded) took part; nonParticipantUnits names them.")
    public boolean drewInNonParticipants;
}
