package cn.worksafety.hazard;

import static cn.worksafety.exchange.ExchangeGraphQL.UPDATED_SINCE_DEPRECATION;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.common.PageRequest;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Allowed;
import cn.worksafety.security.Role;

/** The hidden-hazard register, its loop, risk points and designations (docs/hazards.md). */
@GraphQLApi
public class HazardGraphQL {

    @Inject
    HazardService hazardService;

    @Inject
    HazardExtensionService extensionService;

    @Inject
    HazardInterviewService interviewService;

    @Inject
    RiskPointService riskPointService;

    @Inject
    UnitDesignationService designationService;

    // ---------- reads ----------

    @Query
    @Allowed
    public Hazard hazard(@NonNull @Id String id) {
        return hazardService.hazard(id);
    }

    @Query
    @Allowed
    @Description("Hazards the caller may see, oldest first (with the deprecated updatedSince: by last change; data exchange uses changes). overdue: OPEN "
            + "and past dueOn today; listed: under listed supervision; foundFrom/foundTo: found between (inclusive); regionCode: "
            + "that region and below.")
    public @NonNull HazardConnection hazards(Integer first, String after, HazardStatus status, HazardGrade grade, @Id String unitId,
            @Id String supervisingUnitId, Boolean overdue, Boolean listed, LocalDate foundFrom, LocalDate foundTo,
            @Id String riskPointId, @Id String regionCode, @Deprecated @Description(UPDATED_SINCE_DEPRECATION) OffsetDateTime updatedSince) {
        return HazardConnection.of(hazardService.hazards(status, grade, unitId, supervisingUnitId, overdue, listed, foundFrom, foundTo,
                riskPointId, regionCode, PageRequest.of(first, after, updatedSince)));
    }

    @Query
    @Allowed
    @Description("The hazard ledger (隐患台账) of a region and below for a period (2026-03, 2026-Q1, 2026): per grade, the hazards "
            + "found in the period and, of them, rectified, verified and overdue as of the period's last day (today while it runs).")
    public @NonNull HazardLedger hazardLedger(@NonNull @Id String regionCode, @NonNull String period) {
        return hazardService.ledger(regionCode, period);
    }

    @Query
    @Allowed
    @Description("Risk points the caller may see, oldest first (with the deprecated updatedSince: by last change; data exchange uses changes).")
    public @NonNull RiskPointConnection riskPoints(Integer first, String after, @Id String unitId, RiskLevel level,
            @Deprecated @Description(UPDATED_SINCE_DEPRECATION) OffsetDateTime updatedSince) {
        return RiskPointConnection.of(riskPointService.riskPoints(unitId, level, PageRequest.of(first, after, updatedSince)));
    }

    @Query
    @Allowed
    @Description("The units named for the hazard loop in the regions the caller may see (of one region when given).")
    public @NonNull List<@NonNull UnitDesignation> unitDesignations(@Id String regionCode) {
        return designationService.designations(regionCode);
    }

    // ---------- changes ----------

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Names the unit that is the region's committee office, emergency management bureau or park command (for the "
            + "region and the regions below without their own). Admins anywhere, coordinators in their region.")
    public @NonNull UnitDesignation designateUnit(@NonNull @Id String regionCode, @NonNull DesignationRole role, @NonNull @Id String unitId) {
        return designationService.designate(regionCode, role, unitId);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records a hazard: inspectors of departments, parks and towns in their region, the unit itself, coordinators.")
    public @NonNull Hazard reportHazard(@NonNull HazardInput input) {
        return hazardService.report(input);
    }

    @Mutation("setRemediationPlan") // named: SmallRye would drop the "set" prefix
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Sets the remediation plan (五落实) of an OPEN hazard: the responsible or supervising unit.")
    public @NonNull Hazard setRemediationPlan(@NonNull @Id String hazardId, @NonNull int version, @NonNull RemediationPlanInput plan) {
        return hazardService.setPlan(hazardId, version, plan);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("The responsible unit reports the fix: OPEN to RECTIFIED. A MAJOR hazard needs its plan first.")
    public @NonNull Hazard rectifyHazard(@NonNull @Id String id, @NonNull int version, @NonNull LocalDate rectifiedOn,
            @NonNull String evidence) {
        return hazardService.rectify(id, version, rectifiedOn, evidence);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("The supervising unit accepts (VERIFIED: 验收销号) or rejects (back to OPEN, a note required) a RECTIFIED hazard.")
    public @NonNull Hazard verifyHazard(@NonNull @Id String id, @NonNull int version, @NonNull LocalDate verifiedOn,
            @NonNull boolean accepted, String note) {
        return hazardService.verify(id, version, verifiedOn, accepted, note);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("The responsible unit asks for a later due date; one request at a time per hazard.")
    public @NonNull HazardExtension requestHazardExtension(@NonNull @Id String hazardId, @NonNull LocalDate requestedDueOn,
            @NonNull String reason) {
        return extensionService.requestExtension(hazardId, requestedDueOn, reason);
    }

    @Mutation
    @Allowed({ Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("A signature on an extension by a user of the designated park command or of the supervising unit; a refusal ends it.")
    public @NonNull HazardExtension decideHazardExtension(@NonNull @Id String extensionId, @NonNull boolean approve, String note) {
        return extensionService.decideExtension(extensionId, approve, note);
    }

    @Mutation
    @Allowed({ Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Filing of an approved extension by a user of the designated emergency management bureau: the hazard's due date "
            + "becomes the requested one and it is under listed supervision.")
    public @NonNull HazardExtension fileHazardExtension(@NonNull @Id String extensionId, @NonNull LocalDate filedOn) {
        return extensionService.fileExtension(extensionId, filedOn);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records an interview (约谈) about a hazard: the supervising unit, the region's committee office or park command.")
    public @NonNull Interview recordInterview(@NonNull @Id String hazardId, @NonNull InterviewInput input) {
        return interviewService.recordInterview(hazardId, input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Adds a risk point of a unit: the unit itself, inspecting departments, parks and towns of its region, coordinators.")
    public @NonNull RiskPoint createRiskPoint(@NonNull RiskPointInput input) {
        return riskPointService.createRiskPoint(input);
    }

    // ---------- nested fields, one query per field and level ----------

    @Name("unit")
    public @NonNull List<@NonNull Unit> hazardUnit(@Source List<Hazard> hazards) {
        return hazardService.units(hazards);
    }

    @Name("supervisingUnit")
    public @NonNull List<@NonNull Unit> hazardSupervisingUnit(@Source List<Hazard> hazards) {
        return hazardService.supervisingUnits(hazards);
    }

    @Name("riskPoint")
    public List<RiskPoint> hazardRiskPoint(@Source List<Hazard> hazards) {
        return riskPointService.riskPoints(hazards);
    }

    @Name("extensions")
    @Description("Every extension request, oldest first, whatever became of it.")
    public @NonNull List<@NonNull List<@NonNull HazardExtension>> hazardExtensions(@Source List<Hazard> hazards) {
        return extensionService.extensions(hazards);
    }

    @Name("interviews")
    public @NonNull List<@NonNull List<@NonNull Interview>> hazardInterviews(@Source List<Hazard> hazards) {
        return interviewService.interviews(hazards);
    }

    @Name("overdue")
    @Description("OPEN and past dueOn today.")
    public @NonNull List<@NonNull Boolean> hazardOverdue(@Source List<Hazard> hazards) {
        return hazardService.overdue(hazards);
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> riskPointUnit(@Source List<RiskPoint> points) {
        return riskPointService.riskPointUnits(points);
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> designationUnit(@Source List<UnitDesignation> designations) {
        return designationService.designationUnits(designations);
    }

    @Name("region")
    public @NonNull List<@NonNull Region> designationRegion(@Source List<UnitDesignation> designations) {
        return designationService.designationRegions(designations);
    }
}
