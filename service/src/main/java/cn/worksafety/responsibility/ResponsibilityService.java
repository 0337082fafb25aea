package cn.worksafety.responsibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.DomainException;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.common.Timestamps;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The items of responsibility lists ({@link Responsibility}) with their assigned units: reads
 * scoped to what the caller may see, changes by the committee office of the list's region
 * (coordinators; admins everywhere) while the list is in use, every change audited with the
 * item's assignments, status computed as of today (RULES.md "Security", issue 5). Lists are
 * {@link ResponsibilityListService}'s, progress reports {@link ProgressReportService}'s.
 */
@ApplicationScoped
public class ResponsibilityService {

    @Inject
    ResponsibilityRepository items;

    @Inject
    ResponsibilityListRepository lists;

    @Inject
    ResponsibilityAccess access;

    @Inject
    OrganisationService organisation;

    @Inject
    ResponsibilityOverdueCheck overdue;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    // ---------- reads ----------

    public Responsibility item(String id) {
        Responsibility item = items.visible(Ids.existing(id, "responsibility"), access.filter(null, null, null, true));
        if (item == null) {
            throw new NotFound("No responsibility with id " + id + ".");
        }
        return item;
    }

    public Page<Responsibility> items(ResponsibilityStatus status, String unitId, String listId, boolean includeWithdrawn,
            PageRequest page) {
        return items.page(access.filter(status, Ids.reference(unitId, "unitId"), Ids.reference(listId, "listId"), includeWithdrawn), page);
    }

    /** The items of each list, filtered and paged alike: a fixed number of statements for any number of lists. */
    public List<Page<Responsibility>> itemsOf(List<ResponsibilityList> parents, ResponsibilityStatus status, String unitId,
            PageRequest page) {
        List<Long> ids = parents.stream().map(l -> l.id).distinct().toList();
        Map<Long, Page<Responsibility>> pages = items.pagesByList(ids, access.filter(status, Ids.reference(unitId, "unitId"), null, true), page);
        return parents.stream().map(l -> pages.get(l.id)).toList();
    }

    /**
     * The items named by {@code ids} that the caller may see (withdrawn lists included), in the
     * order of {@code ids}; null where an id is null, names no item or an item the caller may not
     * see. One statement for any number of ids: other features (plan tasks) link to items with it.
     */
    public List<Responsibility> visibleItemsFor(List<Long> ids) {
        return Batch.inOrder(ids, items.visible(Batch.distinct(ids), access.filter(null, null, null, true)), r -> r.id);
    }

    /** The item with that id if the caller may see it (withdrawn lists included), else null: one statement. */
    public Responsibility visibleItem(long id) {
        return items.visible(id, access.filter(null, null, null, true));
    }

    // ---------- batch loading for nested fields ----------

    public List<ResponsibilityStatus> statusesFor(List<Responsibility> parents) {
        Map<Long, ResponsibilityStatus> statuses = items.statuses(Batch.distinct(parents.stream().map(r -> r.id).toList()), access.today());
        return parents.stream().map(r -> statuses.get(r.id)).toList();
    }

    public List<LocalDate> completedOnFor(List<Responsibility> parents) {
        Map<Long, LocalDate> dates = items.completedOn(Batch.distinct(parents.stream().map(r -> r.id).toList()));
        return parents.stream().map(r -> dates.get(r.id)).toList();
    }

    public List<List<Assignment>> assignmentsFor(List<Responsibility> parents) {
        List<Long> ids = parents.stream().map(r -> r.id).toList();
        return Batch.grouped(ids, items.assignmentsOf(Batch.distinct(ids)), a -> a.responsibilityId);
    }

    // ---------- changes ----------

    @Transactional
    public Responsibility addItem(String listId, ResponsibilityInput input) {
        ResponsibilityList list = access.list(listId);
        access.requireManager(list);
        ResponsibilityAccess.requireActive(list);
        ItemDraft draft = checkedDraft(input);
        requireFreeNumber(list.id, draft.number(), null);
        ItemSnapshot added = insert(list.id, draft);
        items.touchList(list.id);
        audit.changed("addResponsibility", "Responsibility", added.item().id, null, audit.snapshot(added));
        return added.item();
    }

    /** Replaces an item's number, text, units and deadline; a stale {@code version} is CONFLICT and changes nothing. */
    @Transactional
    public Responsibility updateItem(String id, int version, ResponsibilityInput input) {
        Responsibility item = item(id);
        ResponsibilityList list = lists.findById(item.listId);
        access.requireManager(list);
        Conflict.requireVersion("responsibility", item.version, version);
        ResponsibilityAccess.requireActive(list);
        ItemDraft draft = checkedDraft(input);
        requireFreeNumber(list.id, draft.number(), item.id);
        String before = audit.snapshot(new ItemSnapshot(item, items.assignmentsOf(List.of(item.id))));
        apply(item, draft);
        List<Assignment> assignments = replaceAssignments(item, draft.assignments(), true);
        items.flush();
        overdue.resolveCleared(List.of(item.id), access.today());
        audit.changed("updateResponsibility", "Responsibility", item.id, before, audit.snapshot(new ItemSnapshot(item, assignments)));
        return item;
    }

    /** Gives an item new units and roles (e.g. after a reorganisation); a stale version is CONFLICT. */
    @Transactional
    public Responsibility reassign(String id, int version, List<AssignmentInput> assignments) {
        Responsibility item = item(id);
        ResponsibilityList list = lists.findById(item.listId);
        access.requireManager(list);
        Conflict.requireVersion("responsibility", item.version, version);
        ResponsibilityAccess.requireActive(list);
        List<String> problems = new ArrayList<>();
        List<ItemDraft.UnitRole> resolved = resolveAssignments(assignments, problems);
        problems.addAll(ItemDraft.assignmentProblems(resolved));
        if (!problems.isEmpty()) {
            throw new InvalidInput(String.join(" ", problems));
        }
        String before = audit.snapshot(new ItemSnapshot(item, items.assignmentsOf(List.of(item.id))));
        List<Assignment> stored = replaceAssignments(item, resolved, true);
        items.flush();
        overdue.resolveCleared(List.of(item.id), access.today());
        audit.changed("reassignResponsibility", "Responsibility", item.id, before, audit.snapshot(new ItemSnapshot(item, stored)));
        return item;
    }

    /**
     * Removes an item entered by mistake. An item that has progress reports is part of the
     * record and cannot be removed (withdraw the list instead); a stale version is CONFLICT.
     */
    @Transactional
    public String removeItem(String id, int version) {
        Responsibility item = item(id);
        ResponsibilityList list = lists.findById(item.listId);
        access.requireManager(list);
        Conflict.requireVersion("responsibility", item.version, version);
        ResponsibilityAccess.requireActive(list);
        if (items.reportCount(item.id) > 0) {
            throw new InvalidInput("The item has progress reports and stays on record; it cannot be removed.");
        }
        long linkedTasks = items.linkedPlanTaskCount(item.id);
        if (linkedTasks > 0) {
            throw new InvalidInput("The item tracks " + linkedTasks + " plan task(s); unlink them first (linkPlanTask with no "
                    + "responsibilityId) or withdraw the list instead.");
        }
        String before = audit.snapshot(new ItemSnapshot(item, items.assignmentsOf(List.of(item.id))));
        items.deleteAssignments(item.id);
        items.delete(item);
        items.flush();
        items.touchList(list.id);
        overdue.resolveCleared(List.of(item.id), access.today());
        audit.changed("removeResponsibility", "Responsibility", item.id, before, null);
        return String.valueOf(item.id);
    }


    // ---------- rules shared by the changes ----------

    private void requireFreeNumber(long listId, String number, Long exceptItemId) {
        boolean taken = items.ofList(listId).stream().anyMatch(r -> r.number.equals(number) && !r.id.equals(exceptItemId));
        if (taken) {
            throw new Conflict("The list already has an item numbered " + number + ".");
        }
    }

    private ItemDraft checkedDraft(ResponsibilityInput input) {
        List<String> problems = new ArrayList<>();
        ItemDraft draft = itemDraft(input, problems);
        if (draft != null) {
            problems.addAll(draft.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(String.join(" ", problems));
        }
        return draft;
    }

    /** An input turned into a draft, its unit ids resolved against what the caller may see; problems collected, not thrown. */
    ItemDraft itemDraft(ResponsibilityInput input, List<String> problems) {
        if (input == null) {
            problems.add("the item is missing.");
            return null;
        }
        List<ItemDraft.UnitRole> assignments = resolveAssignments(input.assignments, problems);
        DeadlineKind kind = input.deadline == null ? null : input.deadline.kind;
        LocalDate dueOn = input.deadline == null ? null : input.deadline.dueOn;
        return new ItemDraft(ItemDraft.trim(input.number), ItemDraft.trim(input.title), ItemDraft.trim(input.content),
                ItemDraft.trim(input.unitsText), ItemDraft.trim(input.deadlineText), kind, dueOn, assignments);
    }

    private List<ItemDraft.UnitRole> resolveAssignments(List<AssignmentInput> inputs, List<String> problems) {
        List<ItemDraft.UnitRole> resolved = new ArrayList<>();
        for (AssignmentInput input : inputs == null ? List.<AssignmentInput>of() : inputs) {
            try {
                Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
                resolved.add(new ItemDraft.UnitRole(unit, input.role));
            } catch (DomainException e) {
                problems.add(e.getMessage());
            }
        }
        return resolved;
    }

    /**
     * Stores a new item of the list with its assignments (checked before), unaudited: the caller
     * audits it alone or as part of its list.
     */
    ItemSnapshot insert(long listId, ItemDraft draft) {
        Responsibility item = new Responsibility();
        item.listId = listId;
        apply(item, draft);
        items.persist(item);
        return new ItemSnapshot(item, replaceAssignments(item, draft.assignments(), false));
    }

    private void apply(Responsibility item, ItemDraft draft) {
        item.number = draft.number();
        item.title = draft.title();
        item.content = draft.content();
        item.unitsText = draft.unitsText();
        item.deadlineText = draft.deadlineText();
        item.deadlineKind = draft.kind();
        item.dueOn = draft.dueOn();
        // Every accepted change moves the version, even one that only touches the assignments.
        item.updatedAt = Timestamps.now(clock);
    }

    private List<Assignment> replaceAssignments(Responsibility item, List<ItemDraft.UnitRole> assignments, boolean existing) {
        if (existing) {
            item.updatedAt = Timestamps.now(clock);
            items.deleteAssignments(item.id);
        }
        List<Assignment> stored = new ArrayList<>();
        for (ItemDraft.UnitRole assignment : assignments) {
            Assignment row = new Assignment(item.id, assignment.unit().id, assignment.role());
            items.persist(row);
            stored.add(row);
        }
        return stored;
    }

    // Written as JSON into the audit trail: registered so that the native image keeps their accessors.
    // ListSnapshot is ResponsibilityListService's; it stays here, beside the item snapshots it holds,
    // under the class name the native-image check (packaged.NativeReadinessIT) looks for.
    @RegisterForReflection
    record ListSnapshot(ResponsibilityList list, List<Object> items) {
    }

    @RegisterForReflection
    record ItemSnapshot(Responsibility item, List<Assignment> assignments) {
    }
}
