package cn.worksafety.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.security.Caller;

/**
 * Who may see and maintain a plan: the rules the plan, task and observation services share
 * (each depends on this class, none on another for it, so there is no cycle).
 */
@ApplicationScoped
class PlanAccess {

    @Inject
    IndicatorRepository indicators;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    /**
     * Whether the caller may read the plan: one of its region (or below), or one with an indicator
     * the caller's unit is responsible for.
     */
    boolean canRead(Plan plan) {
        if (caller.canRead(region(plan))) {
            return true;
        }
        Long unitId = caller.unitId();
        return unitId != null && indicators.responsibleFor(plan.id, unitId);
    }

    Region region(Plan plan) {
        return organisation.regionByCode(plan.regionCode);
    }

    /** Admins and coordinators of the plan's region maintain it (FORBIDDEN otherwise). */
    void requireManager(Plan plan) {
        caller.requireRegionManager(region(plan));
    }
}
