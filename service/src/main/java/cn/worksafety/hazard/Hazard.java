package cn.worksafety.hazard;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;
import cn.worksafety.exchange.ChangedRecord;

/**
 * A hidden hazard (隐患) in the register: found at a unit (usually an enterprise), supervised by a
 * department, park or town, due by {@code dueOn}, closed by rectification and sign-off (验收销号).
 */
@Entity
public class Hazard extends TrackedEntity implements ChangedRecord {

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @Column(name = "region_code")
    @Ignore
    public String regionCode;

    @Column(name = "supervising_unit_id")
    @Ignore
    public Long supervisingUnitId;

    @Enumerated(EnumType.STRING)
    @NonNull
    public HazardGrade grade;

    @Enumerated(EnumType.STRING)
    @NonNull
    public HazardStatus status;

    @Enumerated(EnumType.STRING)
    @NonNull
    public HazardSource source;

    @NonNull
    public String description;

    @Column(name = "found_on")
    @NonNull
    public LocalDate foundOn;

    @Column(name = "due_on")
    @NonNull
    @Description("GENERAL: the day found unless later given; SIGNIFICANT: as given; MAJOR: found + 15 days at most, later only through a filed extension.")
    public LocalDate dueOn;

    @Column(name = "listed_supervision")
    @NonNull
    @Description("Under listed supervision (挂牌督办): every MAJOR hazard, and any hazard with a filed extension.")
    public boolean listedSupervision;

    @Column(name = "risk_point_id")
    @Ignore
    public Long riskPointId;

    @Embedded
    @Description("The remediation plan's five in place (五落实); required before a MAJOR hazard is rectified.")
    public RemediationPlan plan;

    @Column(name = "rectified_on")
    public LocalDate rectifiedOn;

    @Description("What the responsible unit reported as the fix.")
    public String evidence;

    @Column(name = "verified_on")
    public LocalDate verifiedOn;

    @Column(name = "verification_note")
    @Description("The supervising unit's note on its last verification (why it was rejected, if it was).")
    public String verificationNote;
}
