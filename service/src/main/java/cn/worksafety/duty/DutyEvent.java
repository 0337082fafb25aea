package cn.worksafety.duty;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;
import cn.worksafety.exchange.ChangedRecord;

/** One occurrence of a duty by a unit, counted for one period of its rule (a return filed, a meeting held, ...). */
@Entity
@Table(name = "duty_event")
public class DutyEvent extends TrackedEntity implements ChangedRecord {

    @Column(name = "rule_id")
    @Ignore
    public Long ruleId;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @NonNull
    @Description("The key of the period the event counts for (2026-W14, 2026-03, 2026-Q2, 2026-H1, 2026).")
    public String period;

    @Column(name = "happened_on")
    @NonNull
    public LocalDate happenedOn;

    @NonNull
    @Description("Dated after the rule's due day for its period (a late return): it still counts.")
    public boolean late;

    public String summary;

    @Column(name = "recorded_by")
    @NonNull
    @Description("Who recorded (filed) it: the token subject.")
    public String recordedBy;
}
