package cn.worksafety.duty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/**
 * Emergency plans and drills (002 (十二)): recorded by the unit's editors or the office of its
 * region, audited. A plan filed with both required units resolves PLAN_NOT_FILED; a drill fills
 * the periods of the DRILL rules binding the unit.
 */
@ApplicationScoped
public class DrillService {

    @Inject
    EntityManager em;

    @Inject
    OrganisationService organisation;

    @Inject
    InspectionService inspections;

    @Inject
    DutyCheck dutyCheck;

    @Inject
    PlanCheck planCheck;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Transactional
    public EmergencyPlan registerPlan(EmergencyPlanInput input) {
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        caller.requireUnitEditor(unit, organisation.regionOf(unit));
        EmergencyPlan plan = new EmergencyPlan();
        plan.unitId = unit.id;
        plan.title = Text.required(input.title, "title", 200);
        plan.version = Text.required(input.version, "version", 50);
        plan.filedOn = input.filedOn == null ? null : inspections.pastDate(input.filedOn, "filedOn");
        plan.filedWithIds = inspections.existingUnits(input.filedWithIds, "filedWithIds");
        if (!plan.filedWithIds.isEmpty() && plan.filedOn == null) {
            throw new InvalidInput("'filedOn' is required when 'filedWithIds' names the units the plan was filed with.");
        }
        em.persist(plan);
        em.flush();
        audit.changed("registerEmergencyPlan", "EmergencyPlan", plan.id, null, audit.snapshot(plan));
        planCheck.resolveCleared(unit.id);
        return plan;
    }

    @Transactional
    public Drill recordDrill(DrillInput input) {
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        caller.requireUnitEditor(unit, organisation.regionOf(unit));
        Drill drill = new Drill();
        drill.unitId = unit.id;
        if (input.planId != null) {
            EmergencyPlan plan = em.find(EmergencyPlan.class, Ids.reference(input.planId, "planId"));
            if (plan == null || !plan.unitId.equals(unit.id)) {
                throw new InvalidInput("'planId' names no emergency plan of unit " + unit.code + ": " + input.planId + ".");
            }
            drill.planId = plan.id;
        }
        drill.heldOn = inspections.pastDate(input.heldOn, "heldOn");
        drill.kind = input.kind;
        drill.evaluation = Text.optional(input.evaluation, "evaluation", 2000);
        em.persist(drill);
        em.flush();
        audit.created("recordDrill", drill);
        dutyCheck.resolveCleared(unit.id);
        return drill;
    }

    // ---------- batch loading ----------

    public List<List<Unit>> filedWith(List<EmergencyPlan> plans) {
        Map<Long, Unit> byId = new HashMap<>();
        organisation.unitsFor(plans.stream().flatMap(p -> p.filedWithIds.stream()).distinct().toList()).forEach(u -> byId.put(u.id, u));
        return plans.stream().map(p -> p.filedWithIds.stream().map(byId::get).filter(u -> u != null).toList()).toList();
    }

    public List<EmergencyPlan> plansFor(List<Long> ids) {
        List<Long> distinct = ids.stream().filter(id -> id != null).distinct().toList();
        List<EmergencyPlan> plans = distinct.isEmpty() ? List.of()
                : em.createQuery("select p from EmergencyPlan p where p.id in :ids", EmergencyPlan.class).setParameter("ids", distinct)
                        .getResultList();
        return Batch.inOrder(ids, plans, p -> p.id);
    }
}
