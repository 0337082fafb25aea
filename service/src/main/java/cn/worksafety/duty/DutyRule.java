package cn.worksafety.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.worksafety.common.TrackedEntity;
import cn.worksafety.exchange.ChangedRecord;

/**
 * "At least {@code minimum} times per period" for the units it binds: those of {@code unitKinds} in
 * {@code region} and below, plus the units named. RULES.md "Recurring duties", docs/recurring-duties.md.
 */
@Entity
@Table(name = "duty_rule")
@Description("A recurring duty: at least `minimum` events per period of `frequency` for every unit it binds (the units of "
        + "`unitKinds` in `region` and below, and the `units` named), for periods starting on or after `effectiveFrom`.")
public class DutyRule extends TrackedEntity implements ChangedRecord {

    @NonNull
    public String title;

    @Enumerated(EnumType.STRING)
    @NonNull
    public DutyKind kind;

    @Enumerated(EnumType.STRING)
    @NonNull
    public DutyFrequency frequency;

    @NonNull
    public int minimum;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_kinds", columnDefinition = "varchar(20)[]")
    @Ignore
    public List<String> unitKindNames = new ArrayList<>();

    @Column(name = "region_code")
    @Ignore
    public String regionCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_ids", columnDefinition = "bigint[]")
    @Ignore
    public List<Long> unitIds = new ArrayList<>();

    @Column(name = "due_day")
    @Description("For returns: the day of the period's last month by which it is due; a day past that month's end means its "
            + "last day (the 30th in February is the 28th or 29th). Without it a return is due by the period's end plus graceDays.")
    public Integer dueDay;

    @Column(name = "grace_days")
    @NonNull
    @Description("Days after a period's end before a missed period raises its alert.")
    public int graceDays;

    @Column(name = "effective_from")
    @NonNull
    @Description("The rule applies to periods starting on or after this day (a period already running then is not required).")
    public LocalDate effectiveFrom;
}
