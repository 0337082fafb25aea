package cn.worksafety.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

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
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.responsibility.Responsibility;
import cn.worksafety.responsibility.ResponsibilityRepository;
import cn.worksafety.responsibility.ResponsibilityService;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;

/**
 * Plans, their indicator tables and observations. Coordinators maintain the plans of their
 * region; the unit responsible for an indicator, or a coordinator, records its observations.
 * An indicator's status is computed by {@link TargetEvaluation}, never stored.
 */
@ApplicationScoped
public class PlanningService {

    static final int MAX_INDICATORS = 200;
    static final int MAX_TASKS = 500;

    @Inject
    PlanRepository plans;

    @Inject
    IndicatorRepository indicators;

    @Inject
    ObservationRepository observations;

    @Inject
    PlanTaskRepository tasks;

    @Inject
    ResponsibilityService responsibilities;

    @Inject
    ResponsibilityRepository responsibilityRows;

    @Inject
    OrganisationService organisation;

    @Inject
    UnitRepository units;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    // ---------- reads ----------

    /**
     * A plan the caller may read: one of its region (or below), or one with an indicator the
     * caller's unit is responsible for. Else NOT_FOUND, so existence does not leak.
     */
    public Plan plan(String id) {
        Plan plan = plans.findById(Ids.existing(id, "plan"));
        if (plan == null || !canRead(plan)) {
            throw new NotFound("No plan with id " + id + ".");
        }
        return plan;
    }

    public List<Plan> plans(PlanKind kind) {
        return plans.readable(caller.readablePathPrefix(), caller.unitId(), kind).capped("plans", "plansConnection");
    }

    public Page<Plan> plansPage(PlanKind kind, PageRequest page) {
        return plans.readable(caller.readablePathPrefix(), caller.unitId(), kind).page(page);
    }

    private boolean canRead(Plan plan) {
        if (caller.canRead(organisation.regionsFor(List.of(plan.regionCode)).get(0))) {
            return true;
        }
        Long unitId = caller.unitId();
        return unitId != null && indicators.responsibleFor(plan.id, unitId);
    }

    public List<List<Indicator>> indicatorsOf(List<Plan> parents) {
        List<Long> ids = parents.stream().map(p -> p.id).toList();
        Map<Long, List<Indicator>> byPlan = new HashMap<>();
        for (Indicator indicator : indicators.ofPlans(new HashSet<>(ids))) {
            byPlan.computeIfAbsent(indicator.planId, k -> new ArrayList<>()).add(indicator);
        }
        return ids.stream().map(id -> byPlan.getOrDefault(id, List.of())).toList();
    }

    public List<List<PlanTask>> tasksOf(List<Plan> parents) {
        List<Long> ids = parents.stream().map(p -> p.id).toList();
        Map<Long, List<PlanTask>> byPlan = new HashMap<>();
        for (PlanTask task : tasks.ofPlans(new HashSet<>(ids))) {
            byPlan.computeIfAbsent(task.planId, k -> new ArrayList<>()).add(task);
        }
        return ids.stream().map(id -> byPlan.getOrDefault(id, List.of())).toList();
    }

    /** The item each task is linked to, or null where there is none or the caller may not see it (one statement). */
    public List<Responsibility> responsibilitiesOf(List<PlanTask> parents) {
        return responsibilities.visibleItemsFor(parents.stream().map(t -> t.responsibilityId).toList());
    }

    // ---------- plans ----------

    /** Creates a plan with its indicator table in the issuer's region (else the caller's); coordinators of that region only. */
    @Transactional
    public Plan createPlan(PlanInput input) {
        Unit issuer = issuer(input);
        Region region = planRegion(issuer);
        caller.requireRegionManager(region);
        return create(input, issuer, region, "createPlan", id -> organisation.readableUnit(id, "responsibleUnitId"), visibleToCaller());
    }

    /**
     * Creates a plan without a caller (local-mode sample data): the same validation, units by id
     * without scoping, audited as "system".
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan importPlan(PlanInput input) {
        Long issuerId = Ids.reference(input.issuerId, "issuerId");
        Unit issuer = issuerId == null ? null : units.findById(issuerId);
        if (issuer == null) {
            throw new InvalidInput("An imported plan needs a known issuer: " + input.issuerId + ".");
        }
        return create(input, issuer, organisation.regionOf(issuer), "sample-data", units::findById, unscoped());
    }

    /**
     * How a change finds the units and responsibility items its tasks name, null when there is none:
     * for a caller only those it may see, so an id of anything else reads as unknown and nothing
     * leaks; for sample data (no caller) any.
     */
    record Lookups(LongFunction<Unit> unit, Function<List<Long>, List<Responsibility>> responsibilities) {
    }

    private Lookups unscoped() {
        return new Lookups(units::findById, ids -> Batch.inOrder(ids, responsibilityRows.byIds(ids), r -> r.id));
    }

    private Lookups visibleToCaller() {
        return new Lookups(id -> {
            Unit unit = units.findById(id);
            return organisation.canRead(unit) ? unit : null;
        }, responsibilities::visibleItemsFor);
    }

    private Plan create(PlanInput input, Unit issuer, Region region, String operation, LongFunction<Unit> unitLookup,
            Lookups taskLookups) {
        Plan plan = new Plan();
        applyPlanFields(plan, input, issuer, region);
        plans.persist(plan);
        audit.created(operation, plan);
        syncIndicators(plan, region, input.indicators, operation, unitLookup);
        if (input.tasks != null) {
            syncTasks(plan, input.tasks, operation, taskLookups);
        }
        return plan;
    }

    /**
     * Revises a plan: its fields and its indicator table. Rows with an {@code id} revise that
     * indicator (keeping its observations), rows without add one, and indicators left out are
     * removed, which is refused while they have observations. {@code version} must be the plan's
     * current version (CONFLICT otherwise); every successful update increments it.
     */
    @Transactional
    public Plan updatePlan(String id, int version, PlanInput input) {
        Plan plan = plan(id);
        caller.requireRegionManager(organisation.regionsFor(List.of(plan.regionCode)).get(0));
        Conflict.requireVersion("plan", plan.version, version);
        String before = audit.snapshot(plan);
        Unit issuer = issuer(input);
        Region region = planRegion(issuer);
        caller.requireRegionManager(region);
        applyPlanFields(plan, input, issuer, region);
        // Always a new version: the indicator table is part of the plan even when the plan row is unchanged.
        plan.updatedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        syncIndicators(plan, region, input.indicators, "updatePlan", unitId -> organisation.readableUnit(unitId, "responsibleUnitId"));
        if (input.tasks != null) {
            syncTasks(plan, input.tasks, "updatePlan", visibleToCaller());
        }
        plans.flush();
        audit.updated("updatePlan", plan, before);
        return plan;
    }

    private Unit issuer(PlanInput input) {
        Long issuerId = Ids.reference(input.issuerId, "issuerId");
        return issuerId == null ? null : organisation.readableUnit(issuerId, "issuerId");
    }

    private Region planRegion(Unit issuer) {
        Unit owner = issuer != null ? issuer : caller.unit();
        if (owner == null) {
            throw new InvalidInput("'issuerId' is required when your token names no unit: the plan belongs to the issuer's region.");
        }
        return organisation.regionOf(owner);
    }

    private static void applyPlanFields(Plan plan, PlanInput input, Unit issuer, Region region) {
        plan.title = Text.required(input.title, "title", 300);
        if (input.kind == null || input.periodStart == null || input.periodEnd == null) {
            throw new InvalidInput("'kind', 'periodStart' and 'periodEnd' are required.");
        }
        plan.kind = input.kind;
        if (input.periodEnd.isBefore(input.periodStart)) {
            throw new InvalidInput("'periodEnd' (" + input.periodEnd + ") is before 'periodStart' (" + input.periodStart + ").");
        }
        plan.periodStart = input.periodStart;
        plan.periodEnd = input.periodEnd;
        plan.issuerId = issuer == null ? null : issuer.id;
        plan.regionCode = region.code;
    }

    /** Makes the plan's indicators those of {@code rows}; audits each created, revised and removed indicator. */
    private void syncIndicators(Plan plan, Region region, List<IndicatorInput> rows, String operation, LongFunction<Unit> unitLookup) {
        if (rows == null) {
            throw new InvalidInput("'indicators' is required (it may be empty).");
        }
        if (rows.size() > MAX_INDICATORS) {
            throw new InvalidInput("A plan has at most " + MAX_INDICATORS + " indicators; " + rows.size() + " were given.");
        }
        Map<Long, Indicator> existing = new LinkedHashMap<>();
        if (plan.id != null) {
            indicators.ofPlans(List.of(plan.id)).forEach(i -> existing.put(i.id, i));
        }
        Set<Integer> sequences = new HashSet<>();
        Set<Long> kept = new HashSet<>();
        List<Indicator> created = new ArrayList<>();
        Map<Indicator, String> revised = new LinkedHashMap<>();
        for (int n = 0; n < rows.size(); n++) {
            IndicatorInput row = rows.get(n);
            String field = "indicators[" + n + "]";
            if (row == null) {
                throw new InvalidInput("'" + field + "' must not be null.");
            }
            Indicator indicator;
            if (row.id != null) {
                Long id = Ids.reference(row.id, field + ".id");
                indicator = existing.get(id);
                if (indicator == null) {
                    throw new InvalidInput("'" + field + ".id' names no indicator of this plan: " + row.id + ".");
                }
                if (!kept.add(id)) {
                    throw new InvalidInput("'" + field + ".id' lists indicator " + row.id + " a second time.");
                }
                revised.put(indicator, audit.snapshot(indicator));
            } else {
                indicator = new Indicator();
                indicator.planId = plan.id;
                created.add(indicator);
            }
            Period.Kind previousKind = indicator.periodKind;
            applyIndicatorFields(indicator, row, field);
            if (previousKind != null && previousKind != indicator.periodKind && observations.countFor(indicator.id) > 0) {
                throw new InvalidInput("'" + field + ".periodKind' cannot change from " + previousKind
                        + ": the indicator already has observations of that kind.");
            }
            if (!sequences.add(indicator.sequence)) {
                throw new InvalidInput("'" + field + ".sequence' " + indicator.sequence + " is used by another indicator of the plan.");
            }
            indicator.responsibleUnitId = responsibleUnit(row, field, region, unitLookup);
        }
        for (Indicator gone : existing.values()) {
            if (kept.contains(gone.id)) {
                continue;
            }
            if (observations.countFor(gone.id) > 0) {
                throw new InvalidInput("Indicator " + gone.sequence + " (" + gone.name + ", id " + gone.id
                        + ") has observations and cannot be removed; keep its row (with its id) in 'indicators'.");
            }
            String before = audit.snapshot(gone);
            indicators.delete(gone);
            audit.changed(operation, "Indicator", gone.id, before, null);
        }
        for (Indicator indicator : created) {
            indicators.persist(indicator);
        }
        indicators.flush();
        for (Indicator indicator : created) {
            audit.created(operation, indicator);
        }
        revised.forEach((indicator, before) -> {
            if (!before.equals(audit.snapshot(indicator))) {
                audit.updated(operation, indicator, before);
            }
        });
    }

    private static void applyIndicatorFields(Indicator indicator, IndicatorInput row, String field) {
        if (row.sequence == null || row.sequence < 1) {
            throw new InvalidInput("'" + field + ".sequence' must be a positive number, was " + row.sequence + ".");
        }
        indicator.sequence = row.sequence;
        indicator.category = Text.optional(row.category, field + ".category", 100);
        indicator.name = Text.required(row.name, field + ".name", 300);
        indicator.unitOfMeasure = Text.optional(row.unitOfMeasure, field + ".unitOfMeasure", 50);
        if (row.nature == null) {
            throw new InvalidInput("'" + field + ".nature' is required.");
        }
        indicator.nature = row.nature;
        indicator.periodKind = row.periodKind == null ? Period.Kind.YEAR : row.periodKind;
        if (indicator.periodKind == Period.Kind.WEEK) {
            // Weeks exist for recurring duties; plan indicators are observed per year, half, quarter or month.
            throw new InvalidInput("'" + field + ".periodKind' WEEK is not a period of plan indicators: use YEAR, HALF, QUARTER or MONTH.");
        }
        indicator.target = target(row.target, indicator.periodKind, field + ".target");
    }

    /** Checks a target: relative comparators need a baseline of the indicator's period kind, the others refuse one. */
    static Target target(TargetInput input, Period.Kind kind, String field) {
        if (input == null || input.comparator == null || input.value == null) {
            throw new InvalidInput("'" + field + "' needs a comparator and a value.");
        }
        double value = input.value;
        if (!Double.isFinite(value)) {
            throw new InvalidInput("'" + field + ".value' must be a finite number.");
        }
        Target target = new Target();
        target.comparator = input.comparator;
        target.value = value;
        String baseline = Text.optional(input.baselinePeriod, field + ".baselinePeriod", 30);
        if (input.comparator.relative()) {
            if (baseline == null) {
                throw new InvalidInput("'" + field + ".baselinePeriod' is required for " + input.comparator
                        + ": a percentage change needs the period it is measured against (e.g. 2020, or 2016..2020 for a 5-year average).");
            }
            if (value <= 0) {
                throw new InvalidInput("'" + field + ".value' is the percentage of " + input.comparator + " and must be above 0, was " + value + ".");
            }
            if (input.comparator == TargetComparator.DECREASE_BY_PERCENT && value > 100) {
                throw new InvalidInput("'" + field + ".value' cannot decrease by more than 100%, was " + value + ".");
            }
            target.baselinePeriod = Baseline.parse(baseline, kind, field + ".baselinePeriod").key();
        } else if (baseline != null) {
            throw new InvalidInput("'" + field + ".baselinePeriod' applies only to DECREASE_BY_PERCENT and INCREASE_BY_PERCENT; "
                    + input.comparator + " compares with the value itself.");
        }
        if (input.averageYears != null) {
            if (input.averageYears < 1 || input.averageYears > 20) {
                throw new InvalidInput("'" + field + ".averageYears' must be between 1 and 20, was " + input.averageYears + ".");
            }
            if (kind != Period.Kind.YEAR) {
                throw new InvalidInput("'" + field + ".averageYears' needs an indicator observed per YEAR, not per " + kind + ".");
            }
            target.averageYears = input.averageYears;
        }
        target.wording = Text.optional(input.wording, field + ".wording", 100);
        return target;
    }

    private Long responsibleUnit(IndicatorInput row, String field, Region planRegion, LongFunction<Unit> unitLookup) {
        Long id = Ids.reference(row.responsibleUnitId, field + ".responsibleUnitId");
        if (id == null) {
            return null;
        }
        Unit unit = unitLookup.apply(id);
        if (unit == null) {
            throw new InvalidInput("'" + field + ".responsibleUnitId' names no known unit: " + id + ".");
        }
        Region unitRegion = organisation.regionOf(unit);
        if (!unitRegion.path.startsWith(planRegion.path)) {
            throw new InvalidInput("'" + field + ".responsibleUnitId' must be a unit in the plan's region (" + planRegion.code + ").");
        }
        return unit.id;
    }

    // ---------- tasks ----------

    /**
     * Makes the plan's tasks those of {@code rows}, in that order: rows with an {@code id} revise
     * that task (which keeps its id), rows without add one, tasks left out are removed. Every row
     * is checked before anything is written; each created, revised and removed task is audited
     * (record type PlanTask).
     */
    private void syncTasks(Plan plan, List<PlanTaskInput> rows, String operation, Lookups lookups) {
        if (rows.size() > MAX_TASKS) {
            throw new InvalidInput("A plan has at most " + MAX_TASKS + " tasks; " + rows.size() + " were given.");
        }
        Map<Long, PlanTask> existing = new LinkedHashMap<>();
        tasks.ofPlans(List.of(plan.id)).forEach(t -> existing.put(t.id, t));
        // The linked items of every row in one statement.
        Map<Long, Responsibility> items = new HashMap<>();
        List<Long> itemIds = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            Long itemId = rows.get(n) == null ? null : Ids.reference(rows.get(n).responsibilityId, "tasks[" + n + "].responsibilityId");
            if (itemId != null) {
                itemIds.add(itemId);
            }
        }
        List<Long> distinctIds = itemIds.stream().distinct().toList();
        List<Responsibility> found = distinctIds.isEmpty() ? List.of() : lookups.responsibilities().apply(distinctIds);
        for (int i = 0; i < distinctIds.size(); i++) {
            if (found.get(i) != null) {
                items.put(distinctIds.get(i), found.get(i));
            }
        }
        Map<String, Integer> numbers = new HashMap<>();
        Set<Long> kept = new HashSet<>();
        List<TaskChange> changes = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            PlanTaskInput row = rows.get(n);
            String field = "tasks[" + n + "]";
            if (row == null) {
                throw new InvalidInput("'" + field + "' must not be null.");
            }
            PlanTask task = null;
            if (row.id != null) {
                Long id = Ids.reference(row.id, field + ".id");
                task = existing.get(id);
                if (task == null) {
                    throw new InvalidInput("'" + field + ".id' names no task of this plan: " + row.id + ".");
                }
                if (!kept.add(id)) {
                    throw new InvalidInput("'" + field + ".id' lists task " + row.id + " a second time.");
                }
            }
            String number = Text.required(row.number, field + ".number", 30);
            Integer earlier = numbers.putIfAbsent(number, n);
            if (earlier != null) {
                throw new InvalidInput("'" + field + ".number' " + number + " is already the number of tasks[" + earlier + "].");
            }
            String title = Text.required(row.title, field + ".title", 500);
            Unit lead = leadUnit(row.leadUnitId, field + ".leadUnitId", lookups);
            Responsibility item = linkedItem(row.responsibilityId, field + ".responsibilityId", items::get);
            changes.add(new TaskChange(task, number, title, n + 1, lead == null ? null : lead.id, item == null ? null : item.id));
        }
        // Everything is valid: write.
        for (PlanTask gone : existing.values()) {
            if (!kept.contains(gone.id)) {
                String before = audit.snapshot(gone);
                tasks.delete(gone);
                audit.changed(operation, "PlanTask", gone.id, before, null);
            }
        }
        List<PlanTask> created = new ArrayList<>();
        Map<PlanTask, String> revised = new LinkedHashMap<>();
        for (TaskChange change : changes) {
            PlanTask task = change.task();
            if (task == null) {
                task = new PlanTask();
                task.planId = plan.id;
                created.add(task);
            } else {
                revised.put(task, audit.snapshot(task));
            }
            task.number = change.number();
            task.title = change.title();
            task.position = change.position();
            task.leadUnitId = change.leadUnitId();
            task.responsibilityId = change.responsibilityId();
        }
        created.forEach(tasks::persist);
        tasks.flush();
        created.forEach(task -> audit.created(operation, task));
        revised.forEach((task, before) -> {
            if (!before.equals(audit.snapshot(task))) {
                audit.updated(operation, task, before);
            }
        });
    }

    /**
     * Gives a plan without tasks its task list, without a caller (local-mode sample data): the same
     * validation, units and items by id without scoping, audited as "system". A plan that already has
     * tasks is left alone (someone maintained it), and false is returned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean importTasks(long planId, List<PlanTaskInput> rows) {
        Plan plan = plans.findById(planId);
        if (plan == null || !tasks.ofPlans(List.of(planId)).isEmpty()) {
            return false;
        }
        syncTasks(plan, rows, "sample-data", unscoped());
        return true;
    }

    private record TaskChange(PlanTask task, String number, String title, int position, Long leadUnitId, Long responsibilityId) {
    }

    private static Unit leadUnit(String id, String field, Lookups lookups) {
        Long unitId = Ids.reference(id, field);
        if (unitId == null) {
            return null;
        }
        Unit unit = lookups.unit().apply(unitId);
        if (unit == null) {
            throw new InvalidInput("'" + field + "' names no unit you can see: " + id + ".");
        }
        return unit;
    }

    private static Responsibility linkedItem(String id, String field, LongFunction<Responsibility> lookup) {
        Long itemId = Ids.reference(id, field);
        if (itemId == null) {
            return null;
        }
        Responsibility item = lookup.apply(itemId);
        if (item == null) {
            throw new InvalidInput("'" + field + "' names no responsibility item you can see: " + id + ".");
        }
        return item;
    }

    /**
     * Links a task to the responsibility item that tracks it, or unlinks it ({@code responsibilityId}
     * null). Who may: as for maintaining the plan (admins, coordinators of the plan's region). The
     * item must be one the caller can see. The plan's version moves too, so an {@code updatePlan}
     * sent with the task list read before the link is CONFLICT instead of silently undoing it.
     */
    @Transactional
    public PlanTask linkTask(String taskId, String responsibilityId) {
        PlanTask task = tasks.findById(Ids.existing(taskId, "plan task"));
        Plan plan = task == null ? null : plans.findById(task.planId);
        if (plan == null || !canRead(plan)) {
            throw new NotFound("No plan task with id " + taskId + ".");
        }
        caller.requireRegionManager(organisation.regionsFor(List.of(plan.regionCode)).get(0));
        Responsibility item = linkedItem(responsibilityId, "responsibilityId", id -> responsibilities.visibleItemsFor(List.of(id)).get(0));
        Long linked = item == null ? null : item.id;
        if (Objects.equals(linked, task.responsibilityId)) {
            return task;
        }
        String before = audit.snapshot(task);
        task.responsibilityId = linked;
        plan.updatedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        tasks.flush();
        audit.updated("linkPlanTask", task, before);
        return task;
    }

    // ---------- observations ----------

    /**
     * Records an indicator's value for a period of the indicator's kind that has started. Recording
     * the same period again replaces the value; the audit trail keeps the old one (RULES.md: Indicators).
     */
    @Transactional
    public Observation recordObservation(ObservationInput input) {
        Indicator indicator = indicators.findById(Ids.existing(input.indicatorId, "indicator"));
        Plan plan = indicator == null ? null : plans.findById(indicator.planId);
        if (plan == null || !canRead(plan)) {
            throw new NotFound("No indicator with id " + input.indicatorId + ".");
        }
        requireRecorder(indicator, organisation.regionsFor(List.of(plan.regionCode)).get(0));
        Period period = Period.parse(input.period == null ? null : input.period.strip(), "period");
        if (period.kind() != indicator.periodKind) {
            throw new InvalidInput("'period' " + period + " is a " + period.kind() + "; indicator " + indicator.id
                    + " is observed per " + indicator.periodKind + ".");
        }
        LocalDate today = LocalDate.now(clock);
        if (period.start().isAfter(today)) {
            throw new InvalidInput("'period' " + period + " has not started yet (today is " + today + ").");
        }
        if (input.value == null || !Double.isFinite(input.value)) {
            throw new InvalidInput("'value' must be a finite number.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Observation observation = observations.find(indicator.id, period.key()).orElse(null);
        if (observation != null) {
            String before = audit.snapshot(observation);
            observation.value = input.value;
            observation.reportedByUnitId = caller.unitId();
            observation.recordedAt = now;
            observations.flush();
            audit.updated("recordObservation", observation, before);
            return observation;
        }
        observation = new Observation();
        observation.indicatorId = indicator.id;
        observation.period = period.key();
        observation.periodKind = period.kind();
        observation.periodStart = period.start();
        observation.periodEnd = period.end();
        observation.value = input.value;
        observation.reportedByUnitId = caller.unitId();
        observation.recordedAt = now;
        observations.persist(observation);
        audit.created("recordObservation", observation);
        return observation;
    }

    /** Admins; coordinators of the plan's region; the responsible unit's editors (or coordinators). */
    private void requireRecorder(Indicator indicator, Region planRegion) {
        if (caller.isAdmin() || (caller.has(Role.COORDINATOR) && caller.canRead(planRegion))) {
            return;
        }
        boolean writer = caller.has(Role.UNIT_EDITOR) || caller.has(Role.COORDINATOR);
        if (writer && indicator.responsibleUnitId != null && Objects.equals(indicator.responsibleUnitId, caller.unitId())) {
            return;
        }
        throw new Forbidden("Only the unit responsible for this indicator or a coordinator of the plan's region may record its observations.");
    }

    /** The observations of each indicator, oldest period first (one query for all of them). */
    public Map<Long, List<Observation>> observationsOf(List<Long> indicatorIds) {
        Map<Long, List<Observation>> byIndicator = new HashMap<>();
        for (Observation o : observations.ofIndicators(new HashSet<>(indicatorIds))) {
            byIndicator.computeIfAbsent(o.indicatorId, k -> new ArrayList<>()).add(o);
        }
        return byIndicator;
    }
}
