package cn.worksafety.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Period;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitKind;
import cn.worksafety.security.Caller;

/**
 * Recurring duties (RULES.md "Recurring duties", docs/recurring-duties.md): rules, the events that
 * meet them, and each rule's figures per period. Coordinators manage rules in their region; a
 * unit's editors record its own events, the office any unit's in its region. Every change is audited.
 */
@ApplicationScoped
public class DutyService {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    @Inject
    EntityManager em;

    @Inject
    OrganisationService organisation;

    @Inject
    DutyCheck check;

    /** Its date check, shared by every duty event (inspections, drills, plans and events alike). */
    @Inject
    InspectionService inspections;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------- rules ----------

    @Transactional
    public DutyRule createRule(DutyRuleInput input) {
        DutyRule rule = new DutyRule();
        rule.title = Text.required(input.title, "title", 200);
        rule.kind = input.kind;
        rule.frequency = input.frequency;
        if (input.minimum < 1) {
            throw new InvalidInput("'minimum' must be at least 1, was " + input.minimum + ".");
        }
        rule.minimum = input.minimum;
        if (input.dueDay != null) {
            if (input.dueDay < 1 || input.dueDay > 31) {
                throw new InvalidInput("'dueDay' must be a day of the month from 1 to 31 (a day past a month's end means its last day), was "
                        + input.dueDay + ".");
            }
            if (input.frequency == DutyFrequency.WEEK) {
                throw new InvalidInput("'dueDay' is a day of the period's last month; a WEEK rule has none (use graceDays).");
            }
        }
        rule.dueDay = input.dueDay;
        rule.graceDays = input.graceDays == null ? 0 : input.graceDays;
        if (rule.graceDays < 0 || rule.graceDays > 366) {
            throw new InvalidInput("'graceDays' must be between 0 and 366, was " + rule.graceDays + ".");
        }
        if (input.effectiveFrom.isBefore(EARLIEST)) {
            throw new InvalidInput("'effectiveFrom' must be on or after " + EARLIEST + ".");
        }
        rule.effectiveFrom = input.effectiveFrom;

        List<UnitKind> kinds = input.unitKinds == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.unitKinds));
        List<String> unitIds = input.unitIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.unitIds));
        if (kinds.isEmpty() && unitIds.isEmpty()) {
            throw new InvalidInput("A rule binds units: give 'unitKinds' (units of those kinds in 'regionCode' and below) or 'unitIds', or both.");
        }
        Region region = null;
        if (input.regionCode != null || !kinds.isEmpty()) {
            String code = input.regionCode != null ? Text.required(input.regionCode, "regionCode", 12)
                    : caller.unit() == null ? null : caller.unit().regionCode;
            if (code == null) {
                throw new InvalidInput("'regionCode' is required with 'unitKinds' when your token names no unit.");
            }
            region = organisation.regionByCode(code);
            if (region == null) {
                throw new InvalidInput("'regionCode' names no known region: " + code + ".");
            }
            caller.requireRegionManager(region);
        }
        rule.regionCode = region == null ? null : region.code;
        rule.unitKindNames = new ArrayList<>(kinds.stream().map(Enum::name).toList());
        for (int i = 0; i < unitIds.size(); i++) {
            Unit unit = organisation.readableUnit(Ids.reference(unitIds.get(i), "unitIds[" + i + "]"), "unitIds[" + i + "]");
            caller.requireRegionManager(organisation.regionOf(unit));
            rule.unitIds.add(unit.id);
        }
        em.persist(rule);
        em.flush();
        audit.created("createDutyRule", rule);
        return rule;
    }

    /** A rule the caller may read (its region, a named unit or the caller's own unit bound), else NOT_FOUND. */
    public DutyRule rule(String id) {
        DutyRule rule = em.find(DutyRule.class, Ids.existing(id, "duty rule"));
        if (rule == null || !canRead(rule)) {
            throw new NotFound("No duty rule with id " + id + ".");
        }
        return rule;
    }

    private boolean canRead(DutyRule rule) {
        if (rule.regionCode != null && caller.canRead(organisation.regionByCode(rule.regionCode))) {
            return true;
        }
        if (organisation.unitsFor(rule.unitIds).stream().anyMatch(organisation::canRead)) {
            return true;
        }
        Unit own = caller.unit();
        return own != null && binds(rule, own, organisation.regionOf(own));
    }

    /**
     * The rules binding the unit, else the rules of the caller's region: its own and below, those
     * naming a unit in it, and those binding the caller's own unit. In creation order. A unit the
     * caller cannot read answers no rules, as every list's filter does (docs/security.md).
     */
    public List<DutyRule> rules(String unitId) {
        if (unitId != null) {
            Unit unit = organisation.unitById(Ids.reference(unitId, "unitId"));
            return organisation.canRead(unit) ? bindingRules(unit, organisation.regionOf(unit)) : new ArrayList<>();
        }
        String prefix = caller.readablePathPrefix();
        if (prefix == null) {
            return em.createQuery("select r from DutyRule r order by r.id", DutyRule.class).getResultList();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select r.id from duty_rule r
                where exists (select 1 from region rg where rg.code = r.region_code and rg.path like :prefix)
                   or exists (select 1 from unit u join region ur on ur.code = u.region_code
                              where u.id = any(r.unit_ids) and ur.path like :prefix)
                order by r.id""").setParameter("prefix", prefix + "%").getResultList();
        List<DutyRule> rules = byIds(ids.stream().map(Number::longValue).toList());
        Unit own = caller.unit();
        if (own != null) {
            List<DutyRule> binding = bindingRules(own, organisation.regionOf(own));
            binding.stream().filter(r -> rules.stream().noneMatch(x -> x.id.equals(r.id))).forEach(rules::add);
            rules.sort((a, b) -> Long.compare(a.id, b.id));
        }
        return rules;
    }

    private List<DutyRule> bindingRules(Unit unit, Region region) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select r.id from duty_rule r
                where :unit = any(r.unit_ids)
                   or (:kind = any(r.unit_kinds)
                       and exists (select 1 from region rg where rg.code = r.region_code and :path like rg.path || '%'))
                order by r.id""")
                .setParameter("unit", unit.id).setParameter("kind", unit.kind.name()).setParameter("path", region.path)
                .getResultList();
        return byIds(ids.stream().map(Number::longValue).toList());
    }

    private List<DutyRule> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(em.createQuery("select r from DutyRule r where r.id in :ids order by r.id", DutyRule.class)
                .setParameter("ids", ids).getResultList());
    }

    /** Whether the rule binds the unit: named, or of one of its kinds in its region and below. */
    static boolean binds(DutyRule rule, Unit unit, Region unitRegion, Region ruleRegion) {
        return rule.unitIds.contains(unit.id) || (ruleRegion != null && rule.unitKindNames.contains(unit.kind.name())
                && unitRegion.path.startsWith(ruleRegion.path));
    }

    private boolean binds(DutyRule rule, Unit unit, Region unitRegion) {
        Region ruleRegion = organisation.regionByCode(rule.regionCode);
        return binds(rule, unit, unitRegion, ruleRegion);
    }

    // ---------- events ----------

    @Transactional
    public DutyEvent recordEvent(DutyEventInput input) {
        DutyRule rule = em.find(DutyRule.class, Ids.reference(input.ruleId, "ruleId"));
        if (rule == null || !canRead(rule)) {
            throw new InvalidInput("'ruleId' names no duty rule you can see: " + input.ruleId + ".");
        }
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        Region region = organisation.regionOf(unit);
        caller.requireUnitEditor(unit, region);
        if (!binds(rule, unit, region)) {
            throw new InvalidInput("Duty rule " + rule.id + " (" + rule.title + ") does not bind unit " + unit.code
                    + ": record events only for the units a rule binds.");
        }
        LocalDate on = inspections.pastDate(input.happenedOn, "happenedOn");
        Period.Kind kind = rule.frequency.periodKind();
        Period period = input.period == null ? Period.containing(on, kind) : Period.parse(input.period.strip(), "period");
        if (period.kind() != kind) {
            throw new InvalidInput("'period' " + period + " is not a " + rule.frequency + " period: rule " + rule.id + " counts per "
                    + rule.frequency + " (e.g. " + Period.containing(on, kind) + ").");
        }
        if (rule.kind == DutyKind.WRITTEN_RETURN ? on.isBefore(period.start()) : !period.contains(on)) {
            throw new InvalidInput(rule.kind == DutyKind.WRITTEN_RETURN
                    ? "A return for " + period + " cannot be filed before the period starts (" + period.start() + ")."
                    : "'happenedOn' " + on + " lies outside " + period + " (" + period.start() + " to " + period.end() + ").");
        }
        DutyEvent event = new DutyEvent();
        event.ruleId = rule.id;
        event.unitId = unit.id;
        event.period = period.key();
        event.happenedOn = on;
        event.late = on.isAfter(dueOn(rule, period));
        event.summary = Text.optional(input.summary, "summary", 2000);
        event.recordedBy = caller.auditSubject();
        em.persist(event);
        em.flush();
        audit.created("recordDutyEvent", event);
        check.resolveCleared(rule.id, unit.id);
        return event;
    }

    /**
     * The last day an event for the period is on time: the rule's due day in the period's last month
     * (past the month's end: its last day, so "the 30th" in February is the 28th or 29th), else the
     * period's end plus the grace days.
     */
    static LocalDate dueOn(DutyRule rule, Period period) {
        if (rule.dueDay == null) {
            return period.end().plusDays(rule.graceDays);
        }
        YearMonth last = YearMonth.from(period.end());
        return last.atDay(Math.min(rule.dueDay, last.lengthOfMonth()));
    }

    // ---------- compliance ----------

    /**
     * Every period of the year that has started by today, for one unit the rule binds: required
     * (0 before effectiveFrom), done and compliant (a period still running, or within its grace
     * days, is compliant). One statement counts the events of all periods.
     */
    public List<DutyPeriodCompliance> compliance(String ruleId, String unitId, int year) {
        DutyRule rule = rule(ruleId);
        Unit unit = organisation.readableUnit(Ids.reference(unitId, "unitId"), "unitId");
        if (!binds(rule, unit, organisation.regionOf(unit))) {
            throw new InvalidInput("Duty rule " + rule.id + " does not bind unit " + unit.code + ".");
        }
        if (year < 2000 || year > 9999) {
            throw new InvalidInput("'year' must be between 2000 and 9999, was " + year + ".");
        }
        LocalDate today = today();
        List<Period> periods = Period.ofYear(year, rule.frequency.periodKind()).stream().filter(p -> !p.start().isAfter(today)).toList();
        if (periods.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select x.period, count(*) from duty_done x
                where x.rule_id = :rule and x.unit_id = :unit and x.period in (:keys)
                group by x.period""")
                .setParameter("rule", rule.id).setParameter("unit", unit.id)
                .setParameter("keys", periods.stream().map(Period::key).toList()).getResultList();
        Map<String, Integer> done = new HashMap<>();
        rows.forEach(row -> done.put((String) row[0], ((Number) row[1]).intValue()));
        return periods.stream().map(p -> {
            int required = p.start().isBefore(rule.effectiveFrom) ? 0 : rule.minimum;
            int count = done.getOrDefault(p.key(), 0);
            boolean open = !p.end().plusDays(rule.graceDays).isBefore(today);
            return new DutyPeriodCompliance(p.key(), required, count, open || count >= required);
        }).toList();
    }

    // ---------- batch loading for nested fields ----------

    public List<DutyRule> rulesFor(List<Long> ids) {
        return Batch.inOrder(ids, byIds(ids.stream().distinct().toList()), r -> r.id);
    }

    public List<List<Unit>> unitsOf(List<DutyRule> rules) {
        List<Long> all = rules.stream().flatMap(r -> r.unitIds.stream()).distinct().toList();
        Map<Long, Unit> byId = new HashMap<>();
        organisation.unitsFor(all).forEach(u -> byId.put(u.id, u));
        return rules.stream().map(r -> r.unitIds.stream().map(byId::get).filter(u -> u != null).toList()).toList();
    }
}
