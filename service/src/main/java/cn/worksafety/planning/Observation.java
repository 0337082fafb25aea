package cn.worksafety.planning;

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

import cn.worksafety.common.Period;
import cn.worksafety.common.TrackedEntity;

/** The value an indicator had in one period. Recording the period again replaces the value (the audit trail keeps the old one). */
@Entity
public class Observation extends TrackedEntity implements ChangedRecord {

    @Column(name = "indicator_id")
    @Ignore
    public Long indicatorId;

    @NonNull
    @Description("The period key: 2026, 2026-H1, 2026-Q3 or 2026-03.")
    public String period;

    @Column(name = "period_kind")
    @Enumerated(EnumType.STRING)
    @Ignore
    public Period.Kind periodKind;

    @Column(name = "period_start")
    @Ignore
    public LocalDate periodStart;

    @Column(name = "period_end")
    @Ignore
    public LocalDate periodEnd;

    @NonNull
    public double value;

    @Column(name = "reported_by_unit_id")
    @Ignore
    public Long reportedByUnitId;

    @Column(name = "recorded_at")
    @NonNull
    @Description("When the current value was recorded.")
    public OffsetDateTime recordedAt;
}
