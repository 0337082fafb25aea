package cn.worksafety.planning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.ChildListSync;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.responsibility.Responsibility;
import cn.worksafety.responsibility.ResponsibilityRepository;
import cn.worksafety.responsibility.ResponsibilityService;

/**
 * A plan's main tasks (主要任务): written with their plan ({@link PlanService}) or for sample data,
 * each linked to the responsibility-list item that tracks it ({@link #linkTask}).
 */
@ApplicationScoped
public class PlanTaskService {

    static final int MAX_TASKS = 500;

    @Inject
    PlanRepository plans;

    @Inject
    PlanTaskRepository tasks;

    @Inject
    PlanAccess access;

    @Inject
    ResponsibilityService responsibilities;

    @Inject
    ResponsibilityRepository responsibilityRows;

    @Inject
    OrganisationService organisation;

    @Inject
    UnitRepository units;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<List<PlanTask>> tasksOf(List<Plan> parents) {
        List<Long> ids = parents.stream().map(p -> p.id).toList();
        return Batch.grouped(ids, tasks.ofPlans(Batch.distinct(ids)), t -> t.planId);
    }

    /** The item each task is linked to, or null where there is none or the caller may not see it (one statement). */
    public List<Responsibility> responsibilitiesOf(List<PlanTask> parents) {
        return responsibilities.visibleItemsFor(parents.stream().map(t -> t.responsibilityId).toList());
    }

    /**
     * How a change finds the units and responsibility items its tasks name, null when there is none:
     * for a caller only those it may see, so an id of anything else reads as unknown and nothing
     * leaks; for sample data (no caller) any.
     */
    record Lookups(LongFunction<Unit> unit, Function<List<Long>, List<Responsibility>> responsibilities) {
    }

    Lookups unscoped() {
        return new Lookups(units::findById, ids -> Batch.inOrder(ids, responsibilityRows.byIds(ids), r -> r.id));
    }

    Lookups visibleToCaller() {
        return new Lookups(id -> {
            Unit unit = units.findById(id);
            return organisation.canRead(unit) ? unit : null;
        }, responsibilities::visibleItemsFor);
    }

    /**
     * Makes the plan's tasks those of {@code rows}, in that order: rows with an {@code id} revise
     * that task (which keeps its id), rows without add one, tasks left out are removed. Every row
     * is checked before anything is written; each created, revised and removed task is audited
     * (record type PlanTask).
     */
    void sync(Plan plan, List<PlanTaskInput> rows, String operation, Lookups lookups) {
        if (rows.size() > MAX_TASKS) {
            throw new InvalidInput("A plan has at most " + MAX_TASKS + " tasks; " + rows.size() + " were given.");
        }
        List<PlanTask> current = tasks.ofPlans(List.of(plan.id));
        Map<Long, Responsibility> items = linkedItems(rows, lookups);
        Map<String, Integer> numbers = new HashMap<>();
        new ChildListSync<>("tasks", "task", "plan", tasks, audit::snapshot, audit::changed).sync(current, rows, operation,
                new ChildListSync.Children<PlanTask, PlanTaskInput, PlanTask>() {

                    @Override
                    public String rowId(PlanTaskInput row) {
                        return row.id;
                    }

                    @Override
                    public PlanTask check(PlanTaskInput row, PlanTask task, String field, int n) {
                        PlanTask checked = new PlanTask();
                        checked.number = Text.required(row.number, field + ".number", 30);
                        Integer earlier = numbers.putIfAbsent(checked.number, n);
                        if (earlier != null) {
                            throw new InvalidInput("'" + field + ".number' " + checked.number + " is already the number of tasks[" + earlier + "].");
                        }
                        checked.title = Text.required(row.title, field + ".title", 500);
                        checked.position = n + 1;
                        Unit lead = leadUnit(row.leadUnitId, field + ".leadUnitId", lookups);
                        checked.leadUnitId = lead == null ? null : lead.id;
                        Responsibility item = linkedItem(row.responsibilityId, field + ".responsibilityId", items::get);
                        checked.responsibilityId = item == null ? null : item.id;
                        return checked;
                    }

                    @Override
                    public PlanTask create() {
                        PlanTask task = new PlanTask();
                        task.planId = plan.id;
                        return task;
                    }

                    @Override
                    public void apply(PlanTask task, PlanTask checked) {
                        task.number = checked.number;
                        task.title = checked.title;
                        task.position = checked.position;
                        task.leadUnitId = checked.leadUnitId;
                        task.responsibilityId = checked.responsibilityId;
                    }
                });
    }

    /** The items the rows link to, found in one statement before any row is checked; unknown or unseen ones left out. */
    private static Map<Long, Responsibility> linkedItems(List<PlanTaskInput> rows, Lookups lookups) {
        List<Long> itemIds = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            Long itemId = rows.get(n) == null ? null : Ids.reference(rows.get(n).responsibilityId, "tasks[" + n + "].responsibilityId");
            if (itemId != null) {
                itemIds.add(itemId);
            }
        }
        List<Long> distinctIds = itemIds.stream().distinct().toList();
        List<Responsibility> found = distinctIds.isEmpty() ? List.of() : lookups.responsibilities().apply(distinctIds);
        Map<Long, Responsibility> items = new HashMap<>();
        for (int i = 0; i < distinctIds.size(); i++) {
            if (found.get(i) != null) {
                items.put(distinctIds.get(i), found.get(i));
            }
        }
        return items;
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
        sync(plan, rows, "sample-data", unscoped());
        return true;
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
        if (plan == null || !access.canRead(plan)) {
            throw new NotFound("No plan task with id " + taskId + ".");
        }
        access.requireManager(plan);
        Responsibility item = linkedItem(responsibilityId, "responsibilityId", responsibilities::visibleItem);
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
}
