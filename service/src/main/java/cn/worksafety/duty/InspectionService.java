package cn.worksafety.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.hazard.Hazard;
import cn.worksafety.hazard.HazardInput;
import cn.worksafety.hazard.HazardRepository;
import cn.worksafety.hazard.HazardService;
import cn.worksafety.hazard.HazardService.CheckedHazard;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/**
 * Inspections (002 (十四)): recorded by the inspecting unit's editors or the office of its region,
 * with the hazards found reported through the hazard register in the same transaction. Every
 * hazard is checked (by the register's own rules) before the inspection or any hazard is written,
 * so a refused hazard leaves nothing behind. Audited; an inspection resolves the missed periods it fills.
 */
@ApplicationScoped
public class InspectionService {

    @Inject
    EntityManager em;

    @Inject
    OrganisationService organisation;

    @Inject
    HazardService hazards;

    @Inject
    HazardRepository hazardRepository;

    @Inject
    DutyCheck check;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public Inspection record(InspectionInput input) {
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        caller.requireUnitEditor(unit, organisation.regionOf(unit));
        Inspection inspection = new Inspection();
        inspection.unitId = unit.id;
        inspection.kind = input.kind;
        inspection.heldOn = pastDate(input.heldOn, "heldOn");
        inspection.enterpriseIds = readableUnits(input.enterpriseIds, "enterpriseIds");
        inspection.joinedByIds = existingUnits(input.joinedByIds, "joinedByIds");
        List<String> experts = new ArrayList<>();
        List<String> given = input.experts == null ? List.of() : input.experts;
        for (int i = 0; i < given.size(); i++) {
            experts.add(Text.required(given.get(i), "experts[" + i + "]", 100));
        }
        inspection.experts = experts;
        inspection.summary = Text.optional(input.summary, "summary", 2000);

        // Every hazard is checked before anything is written, so a refused one (even the last) has nothing to undo.
        List<HazardInput> found = input.hazards == null ? List.of() : input.hazards;
        Set<Long> inspected = new LinkedHashSet<>(inspection.enterpriseIds);
        inspected.add(unit.id);
        List<CheckedHazard> checked = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Long hazardUnit = Ids.reference(found.get(i).unitId, "hazards[" + i + "].unitId");
            if (!inspected.contains(hazardUnit)) {
                throw new InvalidInput("'hazards[" + i + "].unitId' must be one of the inspected enterprises (or the inspecting unit).");
            }
            checked.add(hazards.checkReport(found.get(i)));
        }

        em.persist(inspection);
        em.flush();
        for (CheckedHazard hazard : checked) {
            Long hazardId = hazards.writeReport(hazard).id;
            em.createNativeQuery("insert into inspection_hazard (inspection_id, hazard_id) values (:i, :h)")
                    .setParameter("i", inspection.id).setParameter("h", hazardId).executeUpdate();
        }
        audit.created("recordInspection", inspection);
        check.resolveCleared(unit.id);
        return inspection;
    }

    LocalDate pastDate(LocalDate date, String field) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(DutyService.EARLIEST) || date.isAfter(today)) {
            throw new InvalidInput("'" + field + "' must be a date from " + DutyService.EARLIEST + " to today (" + today + "), was " + date + ".");
        }
        return date;
    }

    /** The ids as units the caller can see, each once, in the order given; BAD_USER_INPUT naming the first that is not. */
    List<Long> readableUnits(List<String> ids, String field) {
        List<Long> units = new ArrayList<>();
        List<String> given = ids == null ? List.of() : ids;
        for (int i = 0; i < given.size(); i++) {
            Unit unit = organisation.readableUnit(Ids.reference(given.get(i), field + "[" + i + "]"), field + "[" + i + "]");
            if (!units.contains(unit.id)) {
                units.add(unit.id);
            }
        }
        return units;
    }

    /**
     * The ids as existing units, each once, in the order given. For units outside the caller's own
     * region that take part (a county department joining a town's inspection, the bureau a plan is
     * filed with): naming one reveals no more than that it exists.
     */
    List<Long> existingUnits(List<String> ids, String field) {
        List<String> given = ids == null ? List.of() : ids;
        List<Long> parsed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            parsed.add(Ids.reference(given.get(i), field + "[" + i + "]"));
        }
        List<Unit> found = organisation.unitsFor(parsed);
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) == null) {
                throw new InvalidInput("'" + field + "[" + i + "]' names no unit: " + given.get(i) + ".");
            }
        }
        return parsed.stream().distinct().toList();
    }

    /** Inspections by units of the caller's region, of one unit when given; oldest first, in keyset pages. */
    public Page<Inspection> page(String unitId, PageRequest request) {
        KeysetQuery<Inspection> query = KeysetQuery.jpql(Inspection.class, "e");
        String prefix = caller.readablePathPrefix();
        if (prefix != null) {
            query.where("e.unitId in (select u.id from Unit u where u.regionCode in "
                    + "(select r.code from Region r where r.path like :readable))", "readable", prefix + "%");
        }
        Long unit = Ids.reference(unitId, "unitId");
        if (unit != null) {
            query.where("e.unitId = :unitId", "unitId", unit);
        }
        return query.page(em, request);
    }

    // ---------- batch loading ----------

    /** For each inspection, the units of one of its id lists, in the order recorded: one query for all. */
    public List<List<Unit>> unitLists(List<Inspection> inspections, java.util.function.Function<Inspection, List<Long>> ids) {
        Map<Long, Unit> byId = new HashMap<>();
        organisation.unitsFor(inspections.stream().flatMap(i -> ids.apply(i).stream()).distinct().toList()).forEach(u -> byId.put(u.id, u));
        return inspections.stream().map(i -> ids.apply(i).stream().map(byId::get).filter(u -> u != null).toList()).toList();
    }

    /** For each inspection, the hazards it found, in the order reported: two queries for all. */
    public List<List<Hazard>> hazardsOf(List<Inspection> inspections) {
        if (inspections.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> links = em.createNativeQuery("select inspection_id, hazard_id from inspection_hazard where inspection_id in (:ids) "
                + "order by hazard_id").setParameter("ids", inspections.stream().map(i -> i.id).toList()).getResultList();
        Map<Long, Hazard> byId = new HashMap<>();
        hazardRepository.hazards(links.stream().map(l -> ((Number) l[1]).longValue()).distinct().toList()).forEach(h -> byId.put(h.id, h));
        return Batch.grouped(inspections.stream().map(i -> i.id).toList(), links, link -> ((Number) link[0]).longValue()).stream()
                .map(group -> group.stream().map(link -> byId.get(((Number) link[1]).longValue())).toList()).toList();
    }
}
