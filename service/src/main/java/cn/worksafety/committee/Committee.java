package cn.worksafety.committee;

import cn.worksafety.exchange.ChangedRecord;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/**
 * A committee (安委会, 专业委员会) of a unit with its meeting rule. Members are units, kept in
 * {@code committee_member} and resolved in batches by the API.
 */
@Entity
public class Committee extends TrackedEntity implements ChangedRecord {

    @NonNull
    public String name;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @Column(name = "established_on")
    @NonNull
    @Description("Periods starting before this day are not required (the first partial period is free).")
    public LocalDate establishedOn;

    @Embedded
    @NonNull
    public MeetingRule rule;
}
