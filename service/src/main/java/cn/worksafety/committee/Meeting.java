package cn.worksafety.committee;

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
 * A meeting a committee held. A withdrawn record is kept (with who, when and why) but no longer
 * listed or counted toward the rule.
 */
@Entity
public class Meeting extends TrackedEntity implements ChangedRecord {

    @Column(name = "committee_id")
    @Ignore
    public Long committeeId;

    @Column(name = "held_on")
    @NonNull
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @NonNull
    public MeetingKind kind;

    public String chair;

    public String summary;

    @Column(name = "withdrawn_at")
    @Description("Set when the record was withdrawn (withdrawMeeting); withdrawn meetings are not listed or counted.")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
