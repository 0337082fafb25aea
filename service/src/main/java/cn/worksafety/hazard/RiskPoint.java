package cn.worksafety.hazard;

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

/** A unit's identified risk (双重预防机制, seed 002 (十六)): where hazards are looked for. */
@Entity
@Table(name = "risk_point")
public class RiskPoint extends TrackedEntity implements ChangedRecord {

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @NonNull
    public String name;

    @Enumerated(EnumType.STRING)
    @NonNull
    public RiskLevel level;

    @Description("The control measures (管控措施).")
    public String controls;

    @NonNull
    @Description("Under video monitoring (required in red and orange areas by 002 (十六)).")
    public boolean monitored;
}
