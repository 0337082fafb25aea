package cn.worksafety.local;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.RegionLevel;
import cn.worksafety.organisation.RegionRepository;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitKind;
import cn.worksafety.organisation.UnitRepository;

/** Regions and units of the four districts the seed documents come from (sample/*.csv). */
@ApplicationScoped
public class OrganisationSample implements SampleDataSet {

    @Inject
    RegionRepository regions;

    @Inject
    UnitRepository units;

    @Inject
    AuditTrail audit;

    @Override
    public String name() {
        return "organisation";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void load() {
        for (String[] row : SampleDataSet.csv("sample/regions.csv")) {
            Region region = new Region();
            region.code = row[0];
            region.name = row[1];
            region.level = RegionLevel.valueOf(row[2]);
            region.parentCode = row[3].isEmpty() ? null : row[3];
            region.path = (region.parentCode == null ? "/" : regions.findById(region.parentCode).path) + region.code + "/";
            regions.persist(region);
        }
        addUnits("sample/units.csv");
    }

    /**
     * Adds the units of a resource (code, name, kind, region code, parent code) that do not exist
     * yet: several features' sample data name the same departments.
     */
    public void addUnits(String resource) {
        for (String[] row : SampleDataSet.csv(resource)) {
            if (units.findByCode(row[0]).isPresent()) {
                continue;
            }
            Unit unit = new Unit();
            unit.code = row[0];
            unit.name = row[1];
            unit.kind = UnitKind.valueOf(row[2]);
            unit.regionCode = row[3];
            unit.parentId = row[4].isEmpty() ? null : units.findByCode(row[4]).orElseThrow().id;
            units.persist(unit);
            audit.created("sample-data", unit);
        }
    }
}
