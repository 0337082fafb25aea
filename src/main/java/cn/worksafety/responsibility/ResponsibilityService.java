package cn.worksafety.responsibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.DomainException;
import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.ListQuery;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.common.Timestamps;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Responsibility lists, their items and progress reports: reads scoped to what the caller may
 * see, changes checked against role, region and unit, every change audited, status computed
 * as of today in the service's zone.
 *
 * <p>Who may do what (RULES.md "Security", issue 5):
 * <ul>
 * <li>coordinators maintain the lists issued in their region (admins everywhere);</li>
 * <li>a unit editor reports progress only for its own unit and only on items its unit is
 * assigned to;</li>
 * <li>a report completes its item only when it says completed and comes from a LEAD unit of
 * the item or from the committee office (a coordinator of the list's region, or an admin).</li>
 * </ul>
 */
@ApplicationScoped
public class ResponsibilityService {

    static final int LIST_TITLE_MAX = 500;
    static final int DOCUMENT_NUMBER_MAX = 100;
    static final int SUMMARY_MAX = 4000;
    static final int REASON_MAX = 1000;
    static final int ITEMS_MAX = 2000;

    @Inject
    ResponsibilityRepository items;

    @Inject
    ResponsibilityListRepository lists;

    @Inject
    OrganisationService organisation;

    @Inject
    ResponsibilityOverdueCheck overdue;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------- reads ----------

    public ResponsibilityList list(String id) {
        List<ResponsibilityList> found = lists.visible(caller.readablePathPrefix(), caller.unitId(), true,
                Ids.existing(id, "responsibility list"));
        if (found.isEmpty()) {
            throw new NotFound("No responsibility list with id " + id + ".");
        }
        return found.get(0);
    }

    public List<ResponsibilityList> lists(boolean includeWithdrawn) {
        return lists.visible(caller.readablePathPrefix(), caller.unitId(), includeWithdrawn, null);
    }

    public Page<ResponsibilityList> listsPage(boolean includeWithdrawn, PageRequest page) {
        return lists.query(caller.readablePathPrefix(), caller.unitId(), includeWithdrawn, null).page(page);
    }

    public Responsibility item(String id) {
        Responsibility item = items.visible(Ids.existing(id, "responsibility"), filter(null, null, null, true));
        if (item == null) {
            throw new NotFound("No responsibility with id " + id + ".");
        }
        return item;
    }

    public Page<Responsibility> items(ResponsibilityStatus status, String unitId, String listId, boolean includeWithdrawn,
            PageRequest page) {
        return items.page(filter(status, Ids.reference(unitId, "unitId"), Ids.reference(listId, "listId"), includeWithdrawn), page);
    }

    /** The items of each list, filtered and paged alike: a fixed number of statements for any number of lists. */
    public List<Page<Responsibility>> itemsOf(List<ResponsibilityList> parents, ResponsibilityStatus status, String unitId,
            PageRequest page) {
        List<Long> ids = parents.stream().map(l -> l.id).distinct().toList();
        Map<Long, Page<Responsibility>> pages = items.pagesByList(ids, filter(status, Ids.reference(unitId, "unitId"), null, true), page);
        return parents.stream().map(l -> pages.get(l.id)).toList();
    }

    private ResponsibilityFilter filter(ResponsibilityStatus status, Long unitId, Long listId, boolean includeWithdrawn) {
        return new ResponsibilityFilter(caller.readablePathPrefix(), caller.unitId(), status, unitId, listId, includeWithdrawn, today());
    }

    /**
     * The items named by {@code ids} that the caller may see (withdrawn lists included), in the
     * order of {@code ids}; null where an id is null, names no item or an item the caller may not
     * see. One statement for any number of ids: other features (plan tasks) link to items with it.
     */
    public List<Responsibility> visibleItemsFor(List<Long> ids) {
        return Batch.inOrder(ids, items.visible(Batch.distinct(ids), filter(null, null, null, true)), r -> r.id);
    }

    // ---------- batch loading for nested fields ----------

    public List<ResponsibilityList> listsFor(List<Long> ids) {
        return Batch.inOrder(ids, lists.byIds(Batch.distinct(ids)), l -> l.id);
    }

    public List<ResponsibilityStatus> statusesFor(List<Responsibility> parents) {
        Map<Long, ResponsibilityStatus> statuses = items.statuses(Batch.distinct(parents.stream().map(r -> r.id).toList()), today());
        return parents.stream().map(r -> statuses.get(r.id)).toList();
    }

    public List<LocalDate> completedOnFor(List<Responsibility> parents) {
        Map<Long, LocalDate> dates = items.completedOn(Batch.distinct(parents.stream().map(r -> r.id).toList()));
        return parents.stream().map(r -> dates.get(r.id)).toList();
    }

    public List<List<Assignment>> assignmentsFor(List<Responsibility> parents) {
        return grouped(parents, items.assignmentsOf(Batch.distinct(parents.stream().map(r -> r.id).toList())), a -> a.responsibilityId);
    }

    public List<List<ProgressReport>> reportsFor(List<Responsibility> parents) {
        List<List<ProgressReport>> reports = grouped(parents, items.reportsOf(Batch.distinct(parents.stream().map(r -> r.id).toList())),
                p -> p.responsibilityId);
        ListQuery.capEach(reports, "progressReports", "an item with that many reports is a data error; ask an admin.");
        return reports;
    }

    private static <V> List<List<V>> grouped(List<Responsibility> parents, List<V> rows, Function<V, Long> parentOf) {
        Map<Long, List<V>> byParent = new LinkedHashMap<>();
        rows.forEach(row -> byParent.computeIfAbsent(parentOf.apply(row), k -> new ArrayList<>()).add(row));
        return parents.stream().map(r -> byParent.getOrDefault(r.id, List.of())).toList();
    }

    // ---------- lists ----------

    /** A whole list with its items in one transaction: every item valid, or nothing written. */
    @Transactional
    public ResponsibilityList createList(ResponsibilityListInput input) {
        ListDraft draft = listDraft(input.title, input.documentNumber, issuer(input.issuerId), input.issuedOn);
        List<String> problems = new ArrayList<>();
        List<ItemDraft> drafts = new ArrayList<>();
        List<ResponsibilityInput> inputs = input.items == null ? List.of() : input.items;
        for (int i = 0; i < inputs.size(); i++) {
            ResponsibilityInput item = inputs.get(i);
            List<String> itemProblems = new ArrayList<>();
            ItemDraft itemDraft = itemDraft(item, itemProblems);
            if (itemDraft != null) {
                itemProblems.addAll(itemDraft.problems());
            }
            String label = "items[" + i + "]" + (item.number == null || item.number.isBlank() ? "" : " " + item.number.strip());
            itemProblems.forEach(p -> problems.add(label + ": " + p));
            drafts.add(itemDraft);
        }
        if (problems.isEmpty()) {
            problems.addAll(duplicateNumbers(drafts, i -> "items[" + i + "]"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(String.join(" ", problems));
        }
        return persist(draft.withItems(drafts), "createResponsibilityList");
    }

    /** The issuer of a new list: a unit the caller may see, in a region the caller manages. */
    Unit issuer(String issuerId) {
        Unit issuer = organisation.readableUnit(Ids.reference(Text.required(issuerId, "issuerId", 30), "issuerId"), "issuerId");
        caller.requireRegionManager(organisation.regionOf(issuer));
        return issuer;
    }

    ListDraft listDraft(String title, String documentNumber, Unit issuer, LocalDate issuedOn) {
        String checkedTitle = Text.required(title, "title", LIST_TITLE_MAX);
        String checkedNumber = Text.optional(documentNumber, "documentNumber", DOCUMENT_NUMBER_MAX);
        if (issuedOn != null && (issuedOn.getYear() < 1949 || issuedOn.isAfter(today()))) {
            throw new InvalidInput("'issuedOn' must be a past date, was " + issuedOn + ".");
        }
        return new ListDraft(checkedTitle, checkedNumber, issuer, issuedOn, List.of());
    }

    record ListDraft(String title, String documentNumber, Unit issuer, LocalDate issuedOn, List<ItemDraft> items) {
        ListDraft withItems(List<ItemDraft> drafts) {
            return new ListDraft(title, documentNumber, issuer, issuedOn, drafts);
        }
    }

    /**
     * Stores a checked list with its items; used by the API, the import and local mode's sample
     * data (which runs without a caller, so it must not check permissions here).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ResponsibilityList persist(ListDraft draft, String operation) {
        if (draft.items().size() > ITEMS_MAX) {
            throw new InvalidInput("A list may have at most " + ITEMS_MAX + " items.");
        }
        ResponsibilityList list = new ResponsibilityList();
        list.title = draft.title();
        list.documentNumber = draft.documentNumber();
        list.issuerId = draft.issuer().id;
        list.issuedOn = draft.issuedOn();
        lists.persist(list);
        List<Object> itemSnapshots = new ArrayList<>();
        for (ItemDraft itemDraft : draft.items()) {
            Responsibility item = new Responsibility();
            item.listId = list.id;
            apply(item, itemDraft);
            items.persist(item);
            List<Assignment> assignments = replaceAssignments(item, itemDraft.assignments(), false);
            itemSnapshots.add(new ItemSnapshot(item, assignments));
        }
        audit.changed(operation, "ResponsibilityList", list.id, null, audit.snapshot(new ListSnapshot(list, itemSnapshots)));
        return list;
    }

    // Written as JSON into the audit trail: registered so that the native image keeps their accessors.
    @RegisterForReflection
    record ListSnapshot(ResponsibilityList list, List<Object> items) {
    }

    @RegisterForReflection
    record ItemSnapshot(Responsibility item, List<Assignment> assignments) {
    }

    /** Takes a list out of use: it stays readable, its items leave the default listings and the overdue check. */
    @Transactional
    public ResponsibilityList withdrawList(String id, int version, String reason) {
        ResponsibilityList list = list(id);
        requireManager(list);
        Conflict.requireVersion("responsibility list", list.version, version);
        if (list.withdrawnOn != null) {
            throw new InvalidInput("The list was already withdrawn on " + list.withdrawnOn + ".");
        }
        String before = audit.snapshot(list);
        list.withdrawnOn = today();
        list.withdrawalReason = Text.optional(reason, "reason", REASON_MAX);
        lists.flush();
        items.touchItemsOfList(list.id);
        overdue.resolveCleared(items.ofList(list.id).stream().map(r -> r.id).toList(), today());
        audit.updated("withdrawResponsibilityList", list, before);
        return list;
    }

    // ---------- items ----------

    @Transactional
    public Responsibility addItem(String listId, ResponsibilityInput input) {
        ResponsibilityList list = list(listId);
        requireManager(list);
        requireActive(list);
        ItemDraft draft = checkedDraft(input);
        requireFreeNumber(list.id, draft.number(), null);
        Responsibility item = new Responsibility();
        item.listId = list.id;
        apply(item, draft);
        items.persist(item);
        List<Assignment> assignments = replaceAssignments(item, draft.assignments(), false);
        items.touchList(list.id);
        audit.changed("addResponsibility", "Responsibility", item.id, null, audit.snapshot(new ItemSnapshot(item, assignments)));
        return item;
    }

    /** Replaces an item's number, text, units and deadline; a stale {@code version} is CONFLICT and changes nothing. */
    @Transactional
    public Responsibility updateItem(String id, int version, ResponsibilityInput input) {
        Responsibility item = item(id);
        ResponsibilityList list = lists.findById(item.listId);
        requireManager(list);
        Conflict.requireVersion("responsibility", item.version, version);
        requireActive(list);
        ItemDraft draft = checkedDraft(input);
        requireFreeNumber(list.id, draft.number(), item.id);
        String before = audit.snapshot(new ItemSnapshot(item, items.assignmentsOf(List.of(item.id))));
        apply(item, draft);
        List<Assignment> assignments = replaceAssignments(item, draft.assignments(), true);
        items.flush();
        overdue.resolveCleared(List.of(item.id), today());
        audit.changed("updateResponsibility", "Responsibility", item.id, before, audit.snapshot(new ItemSnapshot(item, assignments)));
        return item;
    }

    /** Gives an item new units and roles (e.g. after a reorganisation); a stale version is CONFLICT. */
    @Transactional
    public Responsibility reassign(String id, int version, List<AssignmentInput> assignments) {
        Responsibility item = item(id);
        ResponsibilityList list = lists.findById(item.listId);
        requireManager(list);
        Conflict.requireVersion("responsibility", item.version, version);
        requireActive(list);
        List<String> problems = new ArrayList<>();
        List<ItemDraft.UnitRole> resolved = resolveAssignments(assignments, problems);
        problems.addAll(ItemDraft.assignmentProblems(resolved));
        if (!problems.isEmpty()) {
            throw new InvalidInput(String.join(" ", problems));
        }
        String before = audit.snapshot(new ItemSnapshot(item, items.assignmentsOf(List.of(item.id))));
        List<Assignment> stored = replaceAssignments(item, resolved, true);
        items.flush();
        overdue.resolveCleared(List.of(item.id), today());
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
        requireManager(list);
        Conflict.requireVersion("responsibility", item.version, version);
        requireActive(list);
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
        overdue.resolveCleared(List.of(item.id), today());
        audit.changed("removeResponsibility", "Responsibility", item.id, before, null);
        return String.valueOf(item.id);
    }

    // ---------- progress ----------

    /**
     * Files a progress report. The committee office (admins, coordinators of the list's region)
     * may report for any unit it can see, and its completed report completes the item. Anyone
     * else reports only for its own unit, which must be assigned to the item; a completed
     * report completes the item only when that unit is a LEAD unit of it. The decision is
     * recorded on the report ({@code countsAsCompletion}) when it is filed.
     */
    @Transactional
    public ProgressReport report(ProgressReportInput input) {
        Responsibility item = item(Text.required(input.responsibilityId, "responsibilityId", 30));
        ResponsibilityList list = lists.findById(item.listId);
        if (list.withdrawnOn != null) {
            throw new InvalidInput("The list was withdrawn on " + list.withdrawnOn + "; it takes no more reports.");
        }
        Unit unit = organisation.readableUnit(Ids.reference(Text.required(input.unitId, "unitId", 30), "unitId"), "unitId");
        boolean office = isManager(list);
        Assignment assignment = items.assignmentsOf(List.of(item.id)).stream()
                .filter(a -> a.unitId.equals(unit.id)).findFirst().orElse(null);
        if (!office) {
            if (!(caller.has(Role.UNIT_EDITOR) || caller.has(Role.COORDINATOR)) || !unit.id.equals(caller.unitId())) {
                throw new Forbidden("You may report progress only for your own unit.");
            }
            if (assignment == null) {
                throw new Forbidden("Your unit is not assigned to this item; only its assigned units report on it.");
            }
        }
        if (input.reportedOn == null || input.reportedOn.isAfter(today()) || input.reportedOn.getYear() < 2000) {
            throw new InvalidInput("'reportedOn' must be a date from 2000 up to today, was " + input.reportedOn + ".");
        }
        ProgressReport report = new ProgressReport();
        report.responsibilityId = item.id;
        report.unitId = unit.id;
        report.reportedOn = input.reportedOn;
        report.summary = Text.required(input.summary, "summary", SUMMARY_MAX);
        report.completed = input.completed;
        report.filedByOffice = office;
        report.countsAsCompletion = input.completed && (office || assignment.role == AssignmentRole.LEAD);
        report.reportedBy = caller.auditSubject();
        report.recordedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        items.persist(report);
        items.flush();
        items.touchItem(item.id);
        if (report.countsAsCompletion) {
            overdue.resolveCleared(List.of(item.id), today());
        }
        audit.changed("reportProgress", "ProgressReport", report.id, null, audit.snapshot(report));
        return report;
    }

    // ---------- rules shared by the changes ----------

    private boolean isManager(ResponsibilityList list) {
        Region region = organisation.regionOf(organisation.unitsFor(List.of(list.issuerId)).get(0));
        return caller.isAdmin() || (caller.has(Role.COORDINATOR) && caller.canRead(region));
    }

    private void requireManager(ResponsibilityList list) {
        if (!isManager(list)) {
            throw new Forbidden("Only the committee office of the list's region (a coordinator) may change it.");
        }
    }

    private static void requireActive(ResponsibilityList list) {
        if (list.withdrawnOn != null) {
            throw new InvalidInput("The list was withdrawn on " + list.withdrawnOn + "; it can no longer be changed.");
        }
    }

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
    private ItemDraft itemDraft(ResponsibilityInput input, List<String> problems) {
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

    static List<String> duplicateNumbers(List<ItemDraft> drafts, java.util.function.IntFunction<String> label) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (!seen.add(drafts.get(i).number())) {
                problems.add(label.apply(i) + ": the number " + drafts.get(i).number() + " is used by an earlier item of the list.");
            }
        }
        return problems;
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
}
