package cn.worksafety.hazard;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.common.Forbidden;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitKind;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;

/**
 * The record gates the hazard services share: who records hazards and risk points at a unit, who
 * acts on a hazard, and the hazard's region. Its own bean so that the register, extension,
 * interview and risk point services use one copy without depending on each other.
 */
@ApplicationScoped
class HazardAccess {

    /** Units that inspect and supervise: they record hazards in their region (002 (十四)). */
    static final Set<UnitKind> INSPECTING = Set.of(UnitKind.DEPARTMENT, UnitKind.PARK, UnitKind.TOWN);

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    /** The hazard's region, null for no hazard. */
    Region region(Hazard hazard) {
        return hazard == null ? null : organisation.regionByCode(hazard.regionCode);
    }

    /**
     * Who records hazards and risk points at a unit: admins; coordinators in their region; unit
     * editors of the unit itself (its own check) or of a department, park or town whose region
     * contains the unit (inspectors).
     */
    void requireRecorder(Unit unit) {
        Region region = organisation.regionOf(unit);
        if (caller.isAdmin() || (caller.has(Role.COORDINATOR) && caller.canRead(region))) {
            return;
        }
        Unit own = caller.unit();
        if (caller.has(Role.UNIT_EDITOR) && own != null
                && (own.id.equals(unit.id) || (INSPECTING.contains(own.kind) && caller.canRead(region)))) {
            return;
        }
        throw new Forbidden("Hazards and risk points are recorded by the unit itself, by inspecting departments, parks and towns "
                + "of its region, or by the committee office.");
    }

    /** Admins, coordinators of the hazard's region, and unit editors of one of the given units. */
    void requireUnitOf(Hazard hazard, String action, Long... units) {
        if (caller.isAdmin() || (caller.has(Role.COORDINATOR) && caller.canRead(region(hazard)))) {
            return;
        }
        Long own = caller.unitId();
        if (caller.has(Role.UNIT_EDITOR) && own != null) {
            for (Long unit : units) {
                if (own.equals(unit)) {
                    return;
                }
            }
        }
        throw new Forbidden("Your unit may not " + action + " this hazard.");
    }

    /** INVALID_INPUT unless the hazard is in the expected status. */
    static void requireStatus(Hazard hazard, HazardStatus expected, String message) {
        if (hazard.status != expected) {
            throw new InvalidInput(message + "; this one is " + hazard.status + ".");
        }
    }
}
