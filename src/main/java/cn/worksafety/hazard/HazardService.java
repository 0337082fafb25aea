package cn.worksafety.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Forbidden;
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
import cn.worksafety.security.PersonalData;
import cn.worksafety.security.Role;

/**
 * The hidden-hazard loop of seed 002 (十四)-(十六): the register by grade, the 15-day closed loop
 * (rectify, then verify and sign off: 验收销号), extensions signed by the park command and the
 * supervising department and filed with the emergency management bureau (挂牌督办), interviews
 * (约谈), and risk points (双重预防). Who may do what: docs/hazards.md. Every change is audited.
 */
@ApplicationScoped
public class HazardService {

    /** 重大隐患…原则上15天内整改到位 (002 (十五)). */
    static final int MAJOR_DAYS = 15;
    /** Units that inspect and supervise: they record hazards in their region (002 (十四)). */
    static final Set<UnitKind> INSPECTING = Set.of(UnitKind.DEPARTMENT, UnitKind.PARK, UnitKind.TOWN);
    /** Units that may supervise a hazard: the industry department, park or town responsible. */
    static final Set<UnitKind> SUPERVISING = Set.of(UnitKind.DEPARTMENT, UnitKind.PARK, UnitKind.TOWN, UnitKind.GOVERNMENT, UnitKind.OTHER);
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    @Inject
    HazardRepository repository;

    @Inject
    HazardCheck check;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    PersonalData personalData;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------- designations ----------

    /** Admins anywhere, coordinators in their region: names the unit that plays the role for the region and below. */
    @Transactional
    public UnitDesignation designate(String regionCode, DesignationRole role, String unitId) {
        Region region = organisation.regionsFor(List.of(Text.required(regionCode, "regionCode", 12))).get(0);
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

    // ---------- risk points ----------

    @Transactional
    public RiskPoint createRiskPoint(RiskPointInput input) {
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        requireRecorder(unit);
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

    // ---------- the register ----------

    /** A hazard the caller may read, else NOT_FOUND (no existence leak). */
    public Hazard hazard(String id) {
        Hazard hazard = repository.find(Hazard.class, Ids.existing(id, "hazard"));
        if (hazard == null || !caller.canRead(region(hazard))) {
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
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        Unit supervising = organisation.readableUnit(Ids.reference(input.supervisingUnitId, "supervisingUnitId"), "supervisingUnitId");
        requireRecorder(unit);
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
        requireUnitOf(hazard, "set the remediation plan of", hazard.unitId, hazard.supervisingUnitId);
        Conflict.requireVersion("hazard", hazard.version, version);
        requireStatus(hazard, HazardStatus.OPEN, "Only an OPEN hazard's plan can be set");
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
        requireUnitOf(hazard, "report the rectification of", hazard.unitId);
        Conflict.requireVersion("hazard", hazard.version, version);
        requireStatus(hazard, HazardStatus.OPEN, "Only an OPEN hazard can be rectified");
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
        requireUnitOf(hazard, "verify", hazard.supervisingUnitId);
        Conflict.requireVersion("hazard", hazard.version, version);
        requireStatus(hazard, HazardStatus.RECTIFIED, "Only a RECTIFIED hazard can be verified");
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

    // ---------- extensions ----------

    /** The responsible unit asks for a later due date (延期整改申请); one request at a time. */
    @Transactional
    public HazardExtension requestExtension(String hazardId, LocalDate requestedDueOn, String reason) {
        Hazard hazard = hazard(hazardId);
        requireUnitOf(hazard, "request an extension for", hazard.unitId);
        requireStatus(hazard, HazardStatus.OPEN, "Only an OPEN hazard's due date can be extended");
        if (!requestedDueOn.isAfter(hazard.dueOn)) {
            throw new InvalidInput("'requestedDueOn' (" + requestedDueOn + ") must be after the hazard's due date (" + hazard.dueOn + ").");
        }
        if (repository.pendingExtension(hazard.id).isPresent()) {
            throw new Conflict("The hazard already has an extension request awaiting signatures or filing; decide on it first.");
        }
        HazardExtension extension = new HazardExtension();
        extension.hazardId = hazard.id;
        extension.previousDueOn = hazard.dueOn;
        extension.requestedDueOn = requestedDueOn;
        extension.reason = Text.required(reason, "reason", 2000);
        extension.status = ExtensionStatus.REQUESTED;
        repository.persist(extension);
        repository.flush();
        audit.created("requestHazardExtension", extension);
        return extension;
    }

    /**
     * A signature (002 (十五): 由各园区攻坚指挥部和区行业主管部门签字同意): by a user of the park command
     * designated for the hazard's region, or of the hazard's supervising department. A unit that is
     * both signs both. Refusal by either ends the request.
     */
    @Transactional
    public HazardExtension decideExtension(String extensionId, boolean approve, String note) {
        HazardExtension extension = extension(extensionId);
        Hazard hazard = repository.find(Hazard.class, extension.hazardId);
        Long park = repository.designated(hazard.regionCode, DesignationRole.PARK_COMMAND);
        Long own = signatory();
        boolean asPark = own != null && own.equals(park);
        boolean asDepartment = own != null && own.equals(hazard.supervisingUnitId);
        if (!asPark && !asDepartment) {
            throw new Forbidden("An extension is signed by the park command designated for the hazard's region"
                    + (park == null ? " (none is designated: see designateUnit)" : " (unit " + park + ")")
                    + " and by the supervising unit (unit " + hazard.supervisingUnitId + "); your unit is neither.");
        }
        if (extension.status != ExtensionStatus.REQUESTED) {
            throw new InvalidInput("The extension is " + extension.status + ": only a REQUESTED extension can be decided.");
        }
        if ((asPark && !asDepartment && extension.parkApproved) || (asDepartment && !asPark && extension.departmentApproved)) {
            throw new Conflict("Your unit has already approved this extension.");
        }
        String before = audit.snapshot(extension);
        String text = Text.optional(note, "note", 400);
        if (text != null) {
            String entry = (asPark ? "park command" : "supervising unit") + ": " + text;
            extension.decisionNote = extension.decisionNote == null ? entry : extension.decisionNote + "\n" + entry;
        }
        if (!approve) {
            extension.status = ExtensionStatus.REFUSED;
        } else {
            if (asPark) {
                extension.parkApproved = true;
                extension.parkUnitId = own;
            }
            if (asDepartment) {
                extension.departmentApproved = true;
                extension.departmentUnitId = own;
            }
            if (extension.parkApproved && extension.departmentApproved) {
                extension.status = ExtensionStatus.APPROVED;
            }
        }
        repository.flush();
        audit.updated("decideHazardExtension", extension, before);
        return extension;
    }

    /**
     * Filing with the emergency management bureau (报区应急局备案) by a user of the bureau designated for
     * the hazard's region: the extension takes effect, the hazard's due date becomes the requested
     * one and the hazard is under listed supervision (挂牌督办).
     */
    @Transactional
    public HazardExtension fileExtension(String extensionId, LocalDate filedOn) {
        HazardExtension extension = extension(extensionId);
        Hazard hazard = repository.find(Hazard.class, extension.hazardId);
        Long bureau = repository.designated(hazard.regionCode, DesignationRole.EMERGENCY_BUREAU);
        Long own = signatory();
        if (own == null || !own.equals(bureau)) {
            throw new Forbidden("An extension is filed by the emergency management bureau designated for the hazard's region"
                    + (bureau == null ? " (none is designated: see designateUnit)" : " (unit " + bureau + ")") + "; your unit is not it.");
        }
        if (extension.status != ExtensionStatus.APPROVED) {
            throw new InvalidInput("The extension is " + extension.status
                    + ": it can be filed only once both the park command and the supervising unit have approved it.");
        }
        if (hazard.status != HazardStatus.OPEN) {
            throw new InvalidInput("The hazard is " + hazard.status + ": an extension matters only while it is OPEN.");
        }
        if (filedOn.isBefore(extension.createdAt.atZoneSameInstant(clock.getZone()).toLocalDate()) || filedOn.isAfter(today())) {
            throw new InvalidInput("'filedOn' must be between the day of the request and today.");
        }
        String before = audit.snapshot(extension);
        String hazardBefore = audit.snapshot(hazard);
        extension.status = ExtensionStatus.FILED;
        extension.filedOn = filedOn;
        extension.filedByUnitId = own;
        hazard.dueOn = extension.requestedDueOn;
        hazard.listedSupervision = true;
        repository.flush();
        audit.updated("fileHazardExtension", extension, before);
        audit.updated("fileHazardExtension", hazard, hazardBefore);
        check.resolveCleared(hazard.id);
        return extension;
    }

    private HazardExtension extension(String id) {
        HazardExtension extension = repository.find(HazardExtension.class, Ids.existing(id, "extension"));
        if (extension == null || !caller.canRead(region(repository.find(Hazard.class, extension.hazardId)))) {
            throw new NotFound("No hazard extension with id " + id + ".");
        }
        return extension;
    }

    /** The unit a signature is made for: its own users sign (unit editors or coordinators), never an admin without a unit. */
    private Long signatory() {
        if (!caller.has(Role.UNIT_EDITOR) && !caller.has(Role.COORDINATOR)) {
            throw new Forbidden("Signatures and filings are made by users of the units named for them.");
        }
        return caller.unitId();
    }

    // ---------- interviews ----------

    /**
     * An interview (约谈) about the hazard: by the supervising unit, the committee office or park
     * command of the hazard's region, coordinators in the region, admins. Resolves INTERVIEW_OVERDUE
     * when held on or after the due date.
     */
    @Transactional
    public Interview recordInterview(String hazardId, InterviewInput input) {
        Hazard hazard = hazard(hazardId);
        requireUnitOf(hazard, "record an interview about", hazard.supervisingUnitId,
                repository.designated(hazard.regionCode, DesignationRole.COMMITTEE_OFFICE),
                repository.designated(hazard.regionCode, DesignationRole.PARK_COMMAND));
        if (input.heldOn.isBefore(hazard.foundOn) || input.heldOn.isAfter(today())) {
            throw new InvalidInput("'heldOn' must be between the day the hazard was found (" + hazard.foundOn + ") and today.");
        }
        HazardInterview interview = new HazardInterview();
        interview.hazardId = hazard.id;
        interview.heldOn = input.heldOn;
        interview.heldBy = Text.required(input.heldBy, "heldBy", 200);
        interview.interviewee = Text.required(input.interviewee, "interviewee", 200);
        interview.summary = Text.optional(input.summary, "summary", 2000);
        repository.persist(interview);
        repository.flush();
        audit.created("recordInterview", interview);
        check.resolveCleared(hazard.id);
        return view(interview, hazard);
    }

    private Interview view(HazardInterview i, Hazard hazard) {
        return new Interview(String.valueOf(i.id), i.heldOn, personalData.personName(i.heldBy, hazard.unitId, hazard.supervisingUnitId),
                personalData.personName(i.interviewee, hazard.unitId, hazard.supervisingUnitId), i.summary);
    }

    // ---------- the ledger ----------

    /**
     * The ledger of a region (and below) for a period (002 (十四): 按照一般、较大和重大三个层级建立台账):
     * hazards found in the period and, of those, rectified, verified and overdue as of the period's
     * last day (today while it runs). Two statements whatever the number of hazards.
     */
    public HazardLedger ledger(String regionCode, String periodKey) {
        Period period = Period.parse(periodKey, "period");
        Region region = organisation.regionsFor(List.of(Text.required(regionCode, "regionCode", 12))).get(0);
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

    public List<Unit> riskPointUnits(List<RiskPoint> points) {
        return organisation.unitsFor(points.stream().map(p -> p.unitId).toList());
    }

    public List<Unit> designationUnits(List<UnitDesignation> designations) {
        return organisation.unitsFor(designations.stream().map(d -> d.unitId).toList());
    }

    public List<Region> designationRegions(List<UnitDesignation> designations) {
        return organisation.regionsFor(designations.stream().map(d -> d.regionCode).toList());
    }

    public List<RiskPoint> riskPoints(List<Hazard> hazards) {
        List<Long> ids = hazards.stream().map(h -> h.riskPointId).toList();
        return Batch.inOrder(ids, repository.riskPoints(Batch.distinct(ids)), p -> p.id);
    }

    public List<List<HazardExtension>> extensions(List<Hazard> hazards) {
        Map<Long, List<HazardExtension>> byHazard = repository.extensionsOf(ids(hazards)).stream()
                .collect(Collectors.groupingBy(e -> e.hazardId));
        return hazards.stream().map(h -> byHazard.getOrDefault(h.id, List.of())).toList();
    }

    public List<List<Interview>> interviews(List<Hazard> hazards) {
        Map<Long, List<HazardInterview>> byHazard = repository.interviewsOf(ids(hazards)).stream()
                .collect(Collectors.groupingBy(i -> i.hazardId));
        List<List<Interview>> result = new ArrayList<>(hazards.size());
        for (Hazard hazard : hazards) {
            result.add(byHazard.getOrDefault(hazard.id, List.of()).stream().map(i -> view(i, hazard)).toList());
        }
        return result;
    }

    private static List<Long> ids(List<Hazard> hazards) {
        return hazards.stream().map(h -> h.id).distinct().toList();
    }

    // ---------- rules ----------

    private Region region(Hazard hazard) {
        return hazard == null ? null : organisation.regionsFor(List.of(hazard.regionCode)).get(0);
    }

    /**
     * Who records hazards and risk points at a unit: admins; coordinators in their region; unit
     * editors of the unit itself (its own check) or of a department, park or town whose region
     * contains the unit (inspectors).
     */
    private void requireRecorder(Unit unit) {
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
    private void requireUnitOf(Hazard hazard, String action, Long... units) {
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

    private static void requireStatus(Hazard hazard, HazardStatus expected, String message) {
        if (hazard.status != expected) {
            throw new InvalidInput(message + "; this one is " + hazard.status + ".");
        }
    }
}
