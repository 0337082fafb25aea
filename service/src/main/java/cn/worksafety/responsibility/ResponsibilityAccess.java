package cn.worksafety.responsibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;

/**
 * What the caller may see and change of responsibility lists: the rules the list, item and
 * progress-report services share (each depends on this class, none on another for it, so there
 * is no cycle). Status and dates are as of today in the service's zone.
 */
@ApplicationScoped
class ResponsibilityAccess {

    @Inject
    ResponsibilityListRepository lists;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A list the caller may see (withdrawn ones included), else NOT_FOUND. */
    ResponsibilityList list(String id) {
        List<ResponsibilityList> found = lists.visible(caller.readablePathPrefix(), caller.unitId(), true,
                Ids.existing(id, "responsibility list"));
        if (found.isEmpty()) {
            throw new NotFound("No responsibility list with id " + id + ".");
        }
        return found.get(0);
    }

    /** The items the caller may see, narrowed by the given filters (null: any). */
    ResponsibilityFilter filter(ResponsibilityStatus status, Long unitId, Long listId, boolean includeWithdrawn) {
        return new ResponsibilityFilter(caller.readablePathPrefix(), caller.unitId(), status, unitId, listId, includeWithdrawn, today());
    }

    /** The committee office of the list's region: admins, coordinators of the issuer's region. */
    boolean isManager(ResponsibilityList list) {
        Region region = organisation.regionOf(organisation.unitById(list.issuerId));
        return caller.isAdmin() || (caller.has(Role.COORDINATOR) && caller.canRead(region));
    }

    void requireManager(ResponsibilityList list) {
        if (!isManager(list)) {
            throw new Forbidden("Only the committee office of the list's region (a coordinator) may change it.");
        }
    }

    static void requireActive(ResponsibilityList list) {
        if (list.withdrawnOn != null) {
            throw new InvalidInput("The list was withdrawn on " + list.withdrawnOn + "; it can no longer be changed.");
        }
    }
}
