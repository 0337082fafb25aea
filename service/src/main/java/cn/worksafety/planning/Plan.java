package cn.worksafety.planning;

import cn.worksafety.exchange.ChangedRecord;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/**
 * A plan (规划 / 工作要点 / 行动方案) with its period and indicator table. The indicators, issuer and
 * region are resolved in batches by {@link PlanningGraphQL}.
 */
@Entity
public class Plan extends TrackedEntity implements ChangedRecord {

    @NonNull
    public String title;

    @Enumerated(EnumType.STRING)
    @NonNull
    public PlanKind kind;

    @Column(name = "period_start")
    @NonNull
    public LocalDate periodStart;

    @Column(name = "period_end")
    @NonNull
    public LocalDate periodEnd;

    @Column(name = "issuer_id")
    @Ignore
    public Long issuerId;

    /** The region the plan belongs to: its readers and maintainers are decided by it. */
    @Column(name = "region_code")
    @Ignore
    public String regionCode;
}
