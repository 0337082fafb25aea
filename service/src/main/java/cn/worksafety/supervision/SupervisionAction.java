package cn.worksafety.supervision;

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
import cn.worksafety.exchange.ChangedRecord;

/**
 * A step of the ladder issued against an alert by the office, to the alert's unit, and that unit's
 * reply; a record of the change feed (SUPERVISION_ACTION).
 */
@Entity
@Table(name = "supervision_action")
public class SupervisionAction extends TrackedEntity implements ChangedRecord {

    @Column(name = "alert_id")
    @Ignore
    public Long alertId;

    @Enumerated(EnumType.STRING)
    @NonNull
    public SupervisionStep step;

    @Column(name = "issued_on")
    @NonNull
    public LocalDate issuedOn;

    @Column(name = "issued_by_id")
    @Ignore
    public Long issuedById;

    @Column(name = "target_id")
    @Ignore
    public Long targetId;

    @Column(name = "reply_by")
    @Description("The day the target unit must reply by, if the office set one.")
    public LocalDate replyBy;

    @Description("What the office wrote with the step (the letter's gist, the interview's place).")
    public String note;

    @Description("The target unit's reply.")
    public String reply;

    @Column(name = "replied_on")
    public LocalDate repliedOn;

    @Column(name = "replied_by")
    @Description("Who recorded the reply (token subject).")
    public String repliedBy;
}
