package cn.worksafety.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/**
 * Responsibility lists (责任清单): issued by a unit, created whole with their items (from the API,
 * the spreadsheet import or sample data), withdrawn when out of use. Coordinators maintain the
 * lists issued in their region (admins everywhere); every change is audited. The items are
 * {@link ResponsibilityService}'s.
 */
@ApplicationScoped
public class ResponsibilityListService {

    static final int LIST_TITLE_MAX = 500;
    static final int DOCUMENT_NUMBER_MAX = 100;
    static final int REASON_MAX = 1000;
    static final int ITEMS_MAX = 2000;

    @Inject
    ResponsibilityListRepository lists;

    @Inject
    ResponsibilityRepository items;

    @Inject
    ResponsibilityService itemService;

    @Inject
    ResponsibilityAccess access;

    @Inject
    OrganisationService organisation;

    @Inject
    ResponsibilityOverdueCheck overdue;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    // ---------- reads ----------

    public ResponsibilityList list(String id) {
        return access.list(id);
    }

    public List<ResponsibilityList> lists(boolean includeWithdrawn) {
        return lists.visible(caller.readablePathPrefix(), caller.unitId(), includeWithdrawn, null);
    }

    public Page<ResponsibilityList> listsPage(boolean includeWithdrawn, PageRequest page) {
        return lists.query(caller.readablePathPrefix(), caller.unitId(), includeWithdrawn, null).page(page);
    }

    public List<ResponsibilityList> listsFor(List<Long> ids) {
        return Batch.inOrder(ids, lists.byIds(Batch.distinct(ids)), l -> l.id);
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
            ItemDraft itemDraft = itemService.itemDraft(item, itemProblems);
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
        if (issuedOn != null && (issuedOn.getYear() < 1949 || issuedOn.isAfter(access.today()))) {
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
            itemSnapshots.add(itemService.insert(list.id, itemDraft));
        }
        audit.changed(operation, "ResponsibilityList", list.id, null,
                audit.snapshot(new ResponsibilityService.ListSnapshot(list, itemSnapshots)));
        return list;
    }

    /** Takes a list out of use: it stays readable, its items leave the default listings and the overdue check. */
    @Transactional
    public ResponsibilityList withdrawList(String id, int version, String reason) {
        ResponsibilityList list = list(id);
        access.requireManager(list);
        Conflict.requireVersion("responsibility list", list.version, version);
        if (list.withdrawnOn != null) {
            throw new InvalidInput("The list was already withdrawn on " + list.withdrawnOn + ".");
        }
        String before = audit.snapshot(list);
        list.withdrawnOn = access.today();
        list.withdrawalReason = Text.optional(reason, "reason", REASON_MAX);
        lists.flush();
        items.touchItemsOfList(list.id);
        overdue.resolveCleared(items.ofList(list.id).stream().map(r -> r.id).toList(), access.today());
        audit.updated("withdrawResponsibilityList", list, before);
        return list;
    }

    static List<String> duplicateNumbers(List<ItemDraft> drafts, IntFunction<String> label) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (!seen.add(drafts.get(i).number())) {
                problems.add(label.apply(i) + ": the number " + drafts.get(i).number() + " is used by an earlier item of the list.");
            }
        }
        return problems;
    }
}
