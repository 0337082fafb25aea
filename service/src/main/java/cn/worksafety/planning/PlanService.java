package cn.worksafety.planning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.security.Caller;

/**
 * Plans with their indicator table ({@link IndicatorService}) and task list
 * ({@link PlanTaskService}), written together. Coordinators maintain the plans of their region;
 * a plan is readable in its region and by the units responsible for its indicators.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    PlanRepository plans;

    @Inject
    PlanAccess access;

    @Inject
    IndicatorService indicators;

    @Inject
    PlanTaskService tasks;

    @Inject
    OrganisationService organisation;

    @Inject
    UnitRepository units;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    // ---------- reads ----------

    /**
     * A plan the caller may read: one of its region (or below), or one with an indicator the
     * caller's unit is responsible for. Else NOT_FOUND, so existence does not leak.
     */
    public Plan plan(String id) {
        Plan plan = plans.findById(Ids.existing(id, "plan"));
        if (plan == null || !access.canRead(plan)) {
            throw new NotFound("No plan with id " + id + ".");
        }
        return plan;
    }

    public List<Plan> plans(PlanKind kind) {
        return plans.readable(caller.readablePathPrefix(), caller.unitId(), kind).capped("plans", "plansConnection");
    }

    public Page<Plan> plansPage(PlanKind kind, PageRequest page) {
        return plans.readable(caller.readablePathPrefix(), caller.unitId(), kind).page(page);
    }

    // ---------- changes ----------

    /** Creates a plan with its indicator table in the issuer's region (else the caller's); coordinators of that region only. */
    @Transactional
    public Plan createPlan(PlanInput input) {
        Unit issuer = issuer(input);
        Region region = planRegion(issuer);
        caller.requireRegionManager(region);
        return create(input, issuer, region, "createPlan", id -> organisation.readableUnit(id, "responsibleUnitId"), tasks.visibleToCaller());
    }

    /**
     * Creates a plan without a caller (local-mode sample data): the same validation, units by id
     * without scoping, audited as "system".
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan importPlan(PlanInput input) {
        Long issuerId = Ids.reference(input.issuerId, "issuerId");
        Unit issuer = issuerId == null ? null : units.findById(issuerId);
        if (issuer == null) {
            throw new InvalidInput("An imported plan needs a known issuer: " + input.issuerId + ".");
        }
        return create(input, issuer, organisation.regionOf(issuer), "sample-data", units::findById, tasks.unscoped());
    }

    private Plan create(PlanInput input, Unit issuer, Region region, String operation, LongFunction<Unit> unitLookup,
            PlanTaskService.Lookups taskLookups) {
        Plan plan = new Plan();
        applyPlanFields(plan, input, issuer, region);
        plans.persist(plan);
        audit.created(operation, plan);
        indicators.sync(plan, region, input.indicators, operation, unitLookup);
        if (input.tasks != null) {
            tasks.sync(plan, input.tasks, operation, taskLookups);
        }
        return plan;
    }

    /**
     * Revises a plan: its fields and its indicator table. Rows with an {@code id} revise that
     * indicator (keeping its observations), rows without add one, and indicators left out are
     * removed, which is refused while they have observations. {@code version} must be the plan's
     * current version (CONFLICT otherwise); every successful update increments it.
     */
    @Transactional
    public Plan updatePlan(String id, int version, PlanInput input) {
        Plan plan = plan(id);
        access.requireManager(plan);
        Conflict.requireVersion("plan", plan.version, version);
        String before = audit.snapshot(plan);
        Unit issuer = issuer(input);
        Region region = planRegion(issuer);
        caller.requireRegionManager(region);
        applyPlanFields(plan, input, issuer, region);
        // Always a new version: the indicator table is part of the plan even when the plan row is unchanged.
        plan.updatedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        indicators.sync(plan, region, input.indicators, "updatePlan", unitId -> organisation.readableUnit(unitId, "responsibleUnitId"));
        if (input.tasks != null) {
            tasks.sync(plan, input.tasks, "updatePlan", tasks.visibleToCaller());
        }
        plans.flush();
        audit.updated("updatePlan", plan, before);
        return plan;
    }

    private Unit issuer(PlanInput input) {
        Long issuerId = Ids.reference(input.issuerId, "issuerId");
        return issuerId == null ? null : organisation.readableUnit(issuerId, "issuerId");
    }

    private Region planRegion(Unit issuer) {
        Unit owner = issuer != null ? issuer : caller.unit();
        if (owner == null) {
            throw new InvalidInput("'issuerId' is required when your token names no unit: the plan belongs to the issuer's region.");
        }
        return organisation.regionOf(owner);
    }

    private static void applyPlanFields(Plan plan, PlanInput input, Unit issuer, Region region) {
        plan.title = Text.required(input.title, "title", 300);
        if (input.kind == null || input.periodStart == null || input.periodEnd == null) {
            throw new InvalidInput("'kind', 'periodStart' and 'periodEnd' are required.");
        }
        plan.kind = input.kind;
        if (input.periodEnd.isBefore(input.periodStart)) {
            throw new InvalidInput("'periodEnd' (" + input.periodEnd + ") is before 'periodStart' (" + input.periodStart + ").");
        }
        plan.periodStart = input.periodStart;
        plan.periodEnd = input.periodEnd;
        plan.issuerId = issuer == null ? null : issuer.id;
        plan.regionCode = region.code;
    }
}
