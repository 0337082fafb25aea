package cn.worksafety.duty;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;
import cn.worksafety.exchange.ChangedRecord;

/** An emergency drill (应急演练) a unit held; it counts toward every DRILL duty rule binding the unit. */
@Entity
public class Drill extends TrackedEntity implements ChangedRecord {

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @Column(name = "plan_id")
    @Ignore
    public Long planId;

    @Column(name = "held_on")
    @NonNull
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @NonNull
    public DrillKind kind;

    public String evaluation;
}
