package cn.worksafety.planning;

import cn.worksafety.exchange.ChangedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Period;
import cn.worksafety.common.TrackedEntity;

/**
 * One row of a plan's indicator table (序号, 类别, 指标, 目标值, 属性). Its observations, latest value
 * and status are resolved in batches by {@link PlanningGraphQL}.
 */
@Entity
public class Indicator extends TrackedEntity implements ChangedRecord {

    @Column(name = "plan_id")
    @Ignore
    public Long planId;

    @NonNull
    public int sequence;

    public String category;

    @NonNull
    public String name;

    @Column(name = "unit_of_measure")
    public String unitOfMeasure;

    @Embedded
    @NonNull
    public Target target;

    @Enumerated(EnumType.STRING)
    @NonNull
    public IndicatorNature nature;

    @Column(name = "period_kind")
    @Enumerated(EnumType.STRING)
    @NonNull
    @Description("The kind of period its observations are recorded for (YEAR unless set otherwise).")
    public Period.Kind periodKind;

    @Column(name = "responsible_unit_id")
    @Ignore
    public Long responsibleUnitId;
}
