package cn.worksafety.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import cn.worksafety.common.Period;
import cn.worksafety.common.Text;
import cn.worksafety.hazard.HazardLedger.HazardLedgerRow;
import cn.worksafety.hazard.HazardLedger.HazardRiskRow;
import cn.worksafety.hazard.HazardRepository.HazardFilter;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitKind;
import cn.worksafety.security.Caller;

/**
 * The hidden-hazard register of seed 002 (十四)-(十六): hazards by grade and their 15-day closed
 * loop (rectify, then verify and sign off: 验收销号), with the remediation plan, and the ledger.
 * Extensions (挂牌督办): {@link HazardExtensionService}; interviews (约谈):
 * {@link HazardInterviewService}; risk points (双重预防): {@link RiskPointService}; the units named
 * for the loop: {@link UnitDesignationService}. Who may do what: docs/hazards.md. Every change is
 * audited.
 */
@ApplicationScoped
public class HazardService {

    /** 重大隐患…原则上15天内整改到位 (002 (十五)). */
    static final int MAJOR_DAYS = 15;
    /** Units that may supervise a hazard: the industry department, park or town responsible. */
    static final Set<UnitKind> SUPERVISING = Set.of(UnitKind.DEPARTMENT, UnitKind.PARK, UnitKind.TOWN, UnitKind.GOVERNMENT, UnitKind.OTHER);
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    @Inject
    HazardRepository repository;

    @Inject
    HazardAccess access;

    @Inject
    HazardCheck check;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------- the register ----------

    /** A hazard the caller may read, else NOT_FOUND (no existence leak). */
    public Hazard hazard(String id) {
        Hazard hazard = repository.find(Hazard.class, Ids.existing(id, "hazard"));
        if (hazard == null || !caller.canRead(access.region(hazard))) {
            throw new NotFound("No hazard with id " + id + ".");
        }
        return hazard;
    }

    public Page<Hazard> hazards(HazardStatus status, HazardGrade grade, String unitId, String supervisingUnitId, Boolean overdue,
            Boolean listed, LocalDate foundFrom, LocalDate foundTo, String riskPointId, String regionCode, PageRequest page) {
        return repository.page(new HazardFilter(caller.readablePathPrefix(), status, grade, Ids.reference(unitId, "unitId"),
                Ids.reference(supervisingUnitId, "supervisingUnitId"), overdue, listed, foundFrom, foundTo,
                Ids.reference(riskPointId, "riskPointId"), Text.optional(regionCode, "regionCode", 12), today()), page);
    }

    /**
     * Records a hazard (002 (十四)): inspectors of departments, parks and towns in their region, the
     * responsible unit itself, coordinators in their region, admins. Due dates per grade as in
     * RULES.md; a MAJOR hazard is listed from the start.
     */
    @Transactional
    public Hazard report(HazardInput input) {
        return writeReport(checkReport(input));
    }

    /** A hazard input that passed {@link #checkReport}: the hazard to record, not yet persisted. */
    public static final class CheckedHazard {
        private final Hazard hazard;

        private CheckedHazard(Hazard hazard) {
            this.hazard = hazard;
        }
    }

    /**
     * Every check {@link #report} makes on its input, writing nothing; split from the write so that
     * recordInspection checks all its hazards before it writes any.
     */
    public CheckedHazard checkReport(HazardInput input) {
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        Unit supervising = organisation.readableUnit(Ids.reference(input.supervisingUnitId, "supervisingUnitId"), "supervisingUnitId");
        access.requireRecorder(unit);
        if (!SUPERVISING.contains(supervising.kind)) {
            throw new InvalidInput("'supervisingUnitId' must name the department, park or town that supervises the hazard, not a "
                    + supervising.kind + ".");
        }
        Hazard hazard = new Hazard();
        hazard.unitId = unit.id;
        hazard.regionCode = unit.regionCode;
        hazard.supervisingUnitId = supervising.id;
        hazard.grade = input.grade;
        hazard.source = input.source;
        hazard.status = HazardStatus.OPEN;
        hazard.description = Text.required(input.description, "description", 2000);
        hazard.foundOn = input.foundOn;
        if (input.foundOn.isBefore(EARLIEST) || input.foundOn.isAfter(today())) {
            throw new InvalidInput("'foundOn' must be a date from " + EARLIEST + " to today, was " + input.foundOn + ".");
        }
        hazard.dueOn = dueOn(input.grade, input.foundOn, input.dueOn);
        hazard.listedSupervision = input.grade == HazardGrade.MAJOR;
        if (input.riskPointId != null) {
            RiskPoint point = repository.find(RiskPoint.class, Ids.existing(input.riskPointId, "risk point"));
            if (point == null || !point.unitId.equals(unit.id)) {
                throw new InvalidInput("'riskPointId' names no risk point of the hazard's unit: " + input.riskPointId + ".");
            }
            hazard.riskPointId = point.id;
        }
        hazard.plan = input.plan == null ? null : plan(input.plan, hazard.foundOn);
        return new CheckedHazard(hazard);
    }

    /** Records a checked hazard, audited as reportHazard, in the caller's transaction. */
    public Hazard writeReport(CheckedHazard checked) {
        Hazard hazard = checked.hazard;
        repository.persist(hazard);
        repository.flush();
        audit.created("reportHazard", hazard);
        return hazard;
    }

    /** RULES.md "Hazards": GENERAL at once unless later given, SIGNIFICANT as given, MAJOR within 15 days. */
    static LocalDate dueOn(HazardGrade grade, LocalDate foundOn, LocalDate given) {
        if (given != null && given.isBefore(foundOn)) {
            throw new InvalidInput("'dueOn' (" + given + ") is before 'foundOn' (" + foundOn + "): a hazard cannot be due before it was found.");
        }
        return switch (grade) {
            case GENERAL -> given == null ? foundOn : given;
            case SIGNIFICANT -> {
                if (given == null) {
                    throw new InvalidInput("A SIGNIFICANT hazard needs a 'dueOn': it is fixed by a set time limit (限时整改).");
                }
                yield given;
            }
            case MAJOR -> {
                LocalDate limit = foundOn.plusDays(MAJOR_DAYS);
                if (given != null && given.isAfter(limit)) {
                    throw new InvalidInput("A MAJOR hazard is due within " + MAJOR_DAYS + " days of being found (by " + limit
                            + "); a later date needs an extension approved by the park command and the supervising department "
                            + "and filed with the emergency management bureau (requestHazardExtension).");
                }
                yield given == null ? limit : given;
            }
        };
    }

    private static RemediationPlan plan(RemediationPlanInput input, LocalDate foundOn) {
        RemediationPlan plan = new RemediationPlan();
        plan.responsibility = Text.required(input.responsibility, "plan.responsibility", 500);
        plan.measures = Text.required(input.measures, "plan.measures", 2000);
        plan.funds = Text.required(input.funds, "plan.funds", 500);
        plan.contingency = Text.required(input.contingency, "plan.contingency", 2000);
        if (input.timeLimit == null || input.timeLimit.isBefore(foundOn)) {
            throw new InvalidInput("'plan.timeLimit' must be a date on or after the day the hazard was found (" + foundOn + ").");
        }
        plan.timeLimit = input.timeLimit;
        return plan;
    }

    /** The remediation plan (五落实), by the responsible or supervising unit while the hazard is OPEN. */
    @Transactional
    public Hazard setPlan(String hazardId, int version, RemediationPlanInput input) {
        Hazard hazard = hazard(hazardId);
        access.requireUnitOf(hazard, "set the remediation plan of", hazard.unitId, hazard.supervisingUnitId);
        Conflict.requireVersion("hazard", hazard.version, version);
        HazardAccess.requireStatus(hazard, HazardStatus.OPEN, "Only an OPEN hazard's plan can be set");
        String before = audit.snapshot(hazard);
        hazard.plan = plan(input, hazard.foundOn);
        repository.flush();
        audit.updated("setRemediationPlan", hazard, before);
        return hazard;
    }

    /**
     * The responsible unit reports the fix with evidence: OPEN to RECTIFIED. A MAJOR hazard needs its
     * remediation plan first (002 (十六): 五落实). Resolves the hazard's overdue alerts.
     */
    @Transactional
    public Hazard rectify(String id, int version, LocalDate rectifiedOn, String evidence) {
        Hazard hazard = hazard(id);
        access.requireUnitOf(hazard, "report the rectification of", hazard.unitId);
        Conflict.requireVersion("hazard", hazard.version, version);
        HazardAccess.requireStatus(hazard, HazardStatus.OPEN, "Only an OPEN hazard can be rectified");
        if (hazard.grade == HazardGrade.MAJOR && hazard.plan == null) {
            throw new InvalidInput("A MAJOR hazard needs its remediation plan (responsibility, measures, funds, time limit and "
                    + "contingency: 五落实) before it can be rectified; set it with setRemediationPlan.");
        }
        if (rectifiedOn.isBefore(hazard.foundOn) || rectifiedOn.isAfter(today())) {
            throw new InvalidInput("'rectifiedOn' must be between the day the hazard was found (" + hazard.foundOn + ") and today.");
        }
        String before = audit.snapshot(hazard);
        hazard.evidence = Text.required(evidence, "evidence", 2000);
        hazard.rectifiedOn = rectifiedOn;
        hazard.status = HazardStatus.RECTIFIED;
        repository.flush();
        audit.updated("rectifyHazard", hazard, before);
        check.resolveCleared(hazard.id);
        return hazard;
    }

    /**
     * The supervising unit accepts and signs off (验收销号: RECTIFIED to VERIFIED) or rejects (back to
     * OPEN, with its due date unchanged: overdue again if that has passed, and the checks raise again).
     */
    @Transactional
    public Hazard verify(String id, int version, LocalDate verifiedOn, boolean accepted, String note) {
        Hazard hazard = hazard(id);
        access.requireUnitOf(hazard, "verify", hazard.supervisingUnitId);
        Conflict.requireVersion("hazard", hazard.version, version);
        HazardAccess.requireStatus(hazard, HazardStatus.RECTIFIED, "Only a RECTIFIED hazard can be verified");
        if (verifiedOn.isBefore(hazard.rectifiedOn) || verifiedOn.isAfter(today())) {
            throw new InvalidInput("'verifiedOn' must be between the day the hazard was rectified (" + hazard.rectifiedOn + ") and today.");
        }
        String before = audit.snapshot(hazard);
        hazard.verificationNote = Text.optional(note, "note", 1000);
        if (accepted) {
            hazard.status = HazardStatus.VERIFIED;
            hazard.verifiedOn = verifiedOn;
        } else {
            if (hazard.verificationNote == null) {
                throw new InvalidInput("A rejected verification needs a 'note' saying what is still wrong.");
            }
            hazard.status = HazardStatus.OPEN;
            hazard.rectifiedOn = null;
        }
        repository.flush();
        audit.updated("verifyHazard", hazard, before);
        return hazard;
    }

    // ---------- the ledger ----------

    /**
     * The ledger of a region (and below) for a period (002 (十四): 按照一般、较大和重大三个层级建立台账):
     * hazards found in the period and, of those, rectified, verified and overdue as of the period's
     * last day (today while it runs). Two statements whatever the number of hazards.
     */
    public HazardLedger ledger(String regionCode, String periodKey) {
        Period period = Period.parse(periodKey, "period");
        Region region = organisation.regionByCode(Text.required(regionCode, "regionCode", 12));
        if (region == null || !caller.canRead(region)) {
            throw new NotFound("No region " + regionCode + " you can read.");
        }
        LocalDate asOf = period.end().isAfter(today()) ? today() : period.end();
        String counts = """
                count(*), count(*) filter (where h.rectified_on <= :asOf),
                count(*) filter (where h.verified_on <= :asOf),
                count(*) filter (where h.due_on < :asOf and (h.rectified_on is null or h.rectified_on > :asOf))
                from hazard h join region r on r.code = h.region_code
                where r.path like :path and h.found_on between :start and :end""";
        Map<HazardGrade, HazardLedgerRow> rows = new EnumMap<>(HazardGrade.class);
        for (HazardGrade grade : HazardGrade.values()) {
            rows.put(grade, new HazardLedgerRow(grade, 0, 0, 0, 0, null));
        }
        for (Object[] row : ledgerRows("select h.grade, " + counts + " group by h.grade", region, period, asOf)) {
            int found = ((Number) row[1]).intValue();
            int rectified = ((Number) row[2]).intValue();
            HazardGrade grade = HazardGrade.valueOf((String) row[0]);
            rows.put(grade, new HazardLedgerRow(grade, found, rectified, ((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                    found == 0 ? null : Math.round(10000.0 * rectified / found) / 10000.0));
        }
        Map<RiskLevel, HazardRiskRow> levels = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            levels.put(level, new HazardRiskRow(level, 0, 0, 0));
        }
        for (Object[] row : ledgerRows("select p.level, " + counts.replace("from hazard h", "from hazard h join risk_point p on p.id = h.risk_point_id")
                + " group by p.level", region, period, asOf)) {
            RiskLevel level = RiskLevel.valueOf((String) row[0]);
            levels.put(level, new HazardRiskRow(level, ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), ((Number) row[4]).intValue()));
        }
        return new HazardLedger(region.code, period.key(), asOf, List.copyOf(rows.values()), List.copyOf(levels.values()));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> ledgerRows(String sql, Region region, Period period, LocalDate asOf) {
        return repository.em().createNativeQuery(sql).setParameter("asOf", asOf).setParameter("path", region.path + "%")
                .setParameter("start", period.start()).setParameter("end", period.end()).getResultList();
    }

    // ---------- batch loading for nested fields ----------

    public List<Boolean> overdue(List<Hazard> hazards) {
        LocalDate today = today();
        return hazards.stream().map(h -> h.status == HazardStatus.OPEN && h.dueOn.isBefore(today)).toList();
    }

    public List<Unit> units(List<Hazard> hazards) {
        return organisation.unitsFor(hazards.stream().map(h -> h.unitId).toList());
    }

    public List<Unit> supervisingUnits(List<Hazard> hazards) {
        return organisation.unitsFor(hazards.stream().map(h -> h.supervisingUnitId).toList());
    }

    /** The hazards' ids; shared with the extension and interview services. */
    static List<Long> ids(List<Hazard> hazards) {
        return hazards.stream().map(h -> h.id).distinct().toList();
    }
}
