package cn.worksafety.training;

import cn.worksafety.exchange.ChangedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;
import cn.worksafety.organisation.PersonRole;

/**
 * What training a role needs: records of {@link #kind}, passed, of at least {@link #minimumHours}
 * (when set), valid for {@link #validityMonths} after completion (when set; else for ever unless
 * a record carries its own validUntil). Applies to every person holding {@link #role} in units of
 * its region and below, or everywhere when the region is null.
 */
@Entity
@Table(name = "training_rule")
public class TrainingRule extends TrackedEntity implements ChangedRecord {

    @Column(name = "region_code")
    @Ignore
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @NonNull
    public PersonRole role;

    @Enumerated(EnumType.STRING)
    @NonNull
    public TrainingKind kind;

    @Column(name = "minimum_hours")
    @Description("A record qualifies only with at least these hours; null: any.")
    public Double minimumHours;

    @Column(name = "validity_months")
    @Description("Months a qualifying record stays valid after completedOn (unless it has validUntil); null: never expires.")
    public Integer validityMonths;

    public String description;
}
