package cn.worksafety.hazard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Ids;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/** Risk points of units (双重预防), recorded by whoever records hazards at the unit (docs/hazards.md). Audited. */
@ApplicationScoped
public class RiskPointService {

    @Inject
    HazardRepository repository;

    @Inject
    HazardAccess access;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Transactional
    public RiskPoint createRiskPoint(RiskPointInput input) {
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        access.requireRecorder(unit);
        RiskPoint point = new RiskPoint();
        point.unitId = unit.id;
        point.name = Text.required(input.name, "name", 200);
        point.level = input.level;
        point.controls = Text.optional(input.controls, "controls", 2000);
        point.monitored = Boolean.TRUE.equals(input.monitored);
        repository.persist(point);
        repository.flush();
        audit.created("createRiskPoint", point);
        return point;
    }

    public Page<RiskPoint> riskPoints(String unitId, RiskLevel level, PageRequest page) {
        return repository.riskPointPage(caller.readablePathPrefix(), Ids.reference(unitId, "unitId"), level, page);
    }

    // ---------- batch loading for nested fields ----------

    public List<Unit> riskPointUnits(List<RiskPoint> points) {
        return organisation.unitsFor(points.stream().map(p -> p.unitId).toList());
    }

    /** The risk point of each hazard, null where it has none. */
    public List<RiskPoint> riskPoints(List<Hazard> hazards) {
        List<Long> ids = hazards.stream().map(h -> h.riskPointId).toList();
        return Batch.inOrder(ids, repository.riskPoints(Batch.distinct(ids)), p -> p.id);
    }
}
