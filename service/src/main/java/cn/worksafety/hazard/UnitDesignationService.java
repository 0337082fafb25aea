package cn.worksafety.hazard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/**
 * The units named for the hazard loop in a region (committee office, emergency management bureau,
 * park command), for the region and the regions below without their own. Audited.
 */
@ApplicationScoped
public class UnitDesignationService {

    @Inject
    HazardRepository repository;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** Admins anywhere, coordinators in their region: names the unit that plays the role for the region and below. */
    @Transactional
    public UnitDesignation designate(String regionCode, DesignationRole role, String unitId) {
        Region region = organisation.regionByCode(Text.required(regionCode, "regionCode", 12));
        if (region == null) {
            throw new InvalidInput("'regionCode' names no known region: " + regionCode + ".");
        }
        caller.requireRegionManager(region);
        Unit unit = organisation.readableUnit(Ids.reference(unitId, "unitId"), "unitId");
        UnitDesignation designation = repository.designation(region.code, role).orElse(null);
        String before = audit.snapshot(designation);
        if (designation == null) {
            designation = new UnitDesignation();
            designation.regionCode = region.code;
            designation.role = role;
            designation.unitId = unit.id;
            repository.persist(designation);
            repository.flush();
            audit.created("designateUnit", designation);
        } else {
            designation.unitId = unit.id;
            repository.flush();
            audit.updated("designateUnit", designation, before);
        }
        return designation;
    }

    public List<UnitDesignation> designations(String regionCode) {
        return repository.designations(caller.readablePathPrefix(), Text.optional(regionCode, "regionCode", 12));
    }

    // ---------- batch loading for nested fields ----------

    public List<Unit> designationUnits(List<UnitDesignation> designations) {
        return organisation.unitsFor(designations.stream().map(d -> d.unitId).toList());
    }

    public List<Region> designationRegions(List<UnitDesignation> designations) {
        return organisation.regionsFor(designations.stream().map(d -> d.regionCode).toList());
    }
}
