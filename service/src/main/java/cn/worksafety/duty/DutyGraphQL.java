package cn.worksafety.duty;

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
import cn.worksafety.hazard.Hazard;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitKind;
import cn.worksafety.security.Allowed;
import cn.worksafety.security.Role;

@GraphQLApi
public class DutyGraphQL {

    @Inject
    DutyService service;

    @Inject
    InspectionService inspections;

    @Inject
    DrillService drills;

    @Inject
    OrganisationService organisation;

    @Query
    @Allowed
    @Description("The duty rules binding the unit when unitId is given, else those of the caller's region (and those binding "
            + "the caller's unit); in creation order.")
    public @NonNull List<@NonNull DutyRule> dutyRules(@Id String unitId) {
        return service.rules(unitId);
    }

    @Query
    @Allowed
    @Description("One unit's figures for a duty rule: every period of the year that has started by today, with events required "
            + "and done; a period still running or within its grace days is compliant. Weeks: the ISO weeks of the ISO year.")
    public @NonNull List<@NonNull DutyPeriodCompliance> dutyCompliance(@NonNull @Id String ruleId, @NonNull @Id String unitId,
            @NonNull int year) {
        return service.compliance(ruleId, unitId, year);
    }

    @Query
    @Allowed
    @Description("Inspections held by units of the caller's region (of one unit when unitId is given), oldest first.")
    public @NonNull InspectionConnection inspections(Integer first, String after, @Id String unitId) {
        return InspectionConnection.of(inspections.page(unitId, PageRequest.of(first, after)));
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records an inspection held by a unit (its editors, or coordinators of its region) with the hazards it found, "
            + "reported to the hazard register in the same transaction (all or nothing). It counts toward the duty rules of its "
            + "kind (SPECIAL_INSPECTION, COMPREHENSIVE_INSPECTION, SELF_INSPECTION) that bind the unit.")
    public @NonNull Inspection recordInspection(@NonNull InspectionInput input) {
        return inspections.record(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Registers an emergency plan of a unit (its editors, or coordinators of its region), filed on filedOn with "
            + "filedWith: an enterprise's plan filed with both its industry department (a DEPARTMENT unit) and the emergency "
            + "management bureau designated for its region clears PLAN_NOT_FILED.")
    public @NonNull EmergencyPlan registerEmergencyPlan(@NonNull EmergencyPlanInput input) {
        return drills.registerPlan(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records an emergency drill of a unit; it counts toward the DRILL duty rules binding the unit.")
    public @NonNull Drill recordDrill(@NonNull DrillInput input) {
        return drills.recordDrill(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Creates a duty rule binding units of the caller's region (coordinators) or anywhere (admins).")
    public @NonNull DutyRule createDutyRule(@NonNull DutyRuleInput input) {
        return service.createRule(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records an event of a duty (a return filed, a meeting held, ...) for a unit the rule binds: unit editors for "
            + "their own unit, coordinators for any unit in their region. It resolves the unit's alert for that period once the "
            + "period has enough events; a return dated after its due day counts and is marked late.")
    public @NonNull DutyEvent recordDutyEvent(@NonNull DutyEventInput input) {
        return service.recordEvent(input);
    }

    // ---------- nested fields, one query per field and level ----------

    @Name("unitKinds")
    public List<List<@NonNull UnitKind>> ruleUnitKinds(@Source List<DutyRule> rules) {
        return rules.stream().map(r -> r.unitKindNames.isEmpty() ? null : r.unitKindNames.stream().map(UnitKind::valueOf).toList())
                .toList();
    }

    @Name("region")
    public List<Region> ruleRegion(@Source List<DutyRule> rules) {
        return organisation.regionsFor(rules.stream().map(r -> r.regionCode).toList());
    }

    @Name("units")
    @Description("The units the rule names one by one (those bound by kind are not listed).")
    public List<List<@NonNull Unit>> ruleUnits(@Source List<DutyRule> rules) {
        return service.unitsOf(rules);
    }

    @Name("rule")
    public @NonNull List<@NonNull DutyRule> eventRule(@Source List<DutyEvent> events) {
        return service.rulesFor(events.stream().map(e -> e.ruleId).toList());
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> inspectionUnit(@Source List<Inspection> list) {
        return organisation.unitsFor(list.stream().map(i -> i.unitId).toList());
    }

    @Name("enterprises")
    public @NonNull List<@NonNull List<@NonNull Unit>> inspectionEnterprises(@Source List<Inspection> list) {
        return inspections.unitLists(list, i -> i.enterpriseIds);
    }

    @Name("joinedBy")
    public @NonNull List<@NonNull List<@NonNull Unit>> inspectionJoinedBy(@Source List<Inspection> list) {
        return inspections.unitLists(list, i -> i.joinedByIds);
    }

    @Name("hazards")
    public @NonNull List<@NonNull List<@NonNull Hazard>> inspectionHazards(@Source List<Inspection> list) {
        return inspections.hazardsOf(list);
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> planUnit(@Source List<EmergencyPlan> plans) {
        return organisation.unitsFor(plans.stream().map(p -> p.unitId).toList());
    }

    @Name("filedWith")
    public @NonNull List<@NonNull List<@NonNull Unit>> planFiledWith(@Source List<EmergencyPlan> plans) {
        return drills.filedWith(plans);
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> drillUnit(@Source List<Drill> list) {
        return organisation.unitsFor(list.stream().map(d -> d.unitId).toList());
    }

    @Name("plan")
    public List<EmergencyPlan> drillPlan(@Source List<Drill> list) {
        return drills.plansFor(list.stream().map(d -> d.planId).toList());
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> eventUnit(@Source List<DutyEvent> events) {
        return organisation.unitsFor(events.stream().map(e -> e.unitId).toList());
    }
}
