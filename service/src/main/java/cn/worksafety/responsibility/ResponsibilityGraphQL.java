package cn.worksafety.responsibility;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.common.BatchArguments;
import cn.worksafety.common.PageRequest;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Allowed;

import static cn.worksafety.exchange.ExchangeGraphQL.UPDATED_SINCE_DEPRECATION;
import cn.worksafety.security.Role;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

@GraphQLApi
public class ResponsibilityGraphQL {

    @Inject
    ResponsibilityListService listService;

    @Inject
    ResponsibilityService itemService;

    @Inject
    ProgressReportService reportService;

    @Inject
    OrganisationService organisation;

    @Inject
    Context context;

    // ---------- queries ----------

    @Query
    @Allowed
    @Description("A list the caller may see (withdrawn lists included).")
    public ResponsibilityList responsibilityList(@NonNull @Id String id) {
        return listService.list(id);
    }

    @Query
    @Allowed
    @Description("Lists issued in the caller's region, and lists with items assigned to the caller's unit, oldest first; "
            + "withdrawn lists only with includeWithdrawn. At most 500 (more: BAD_USER_INPUT, page with "
            + "responsibilityListsConnection).")
    public @NonNull List<@NonNull ResponsibilityList> responsibilityLists(@DefaultValue("false") boolean includeWithdrawn) {
        return listService.lists(includeWithdrawn);
    }

    @Query
    @Allowed
    @Description("The lists of responsibilityLists, in pages: for callers that see more than the 500 it returns whole.")
    public @NonNull ResponsibilityListConnection responsibilityListsConnection(Integer first, String after,
            @DefaultValue("false") boolean includeWithdrawn) {
        return ResponsibilityListConnection.of(listService.listsPage(includeWithdrawn, PageRequest.of(first, after)));
    }

    @Query
    @Allowed
    public Responsibility responsibility(@NonNull @Id String id) {
        return itemService.item(id);
    }

    @Query
    @Allowed
    @Description("Items the caller may see, in creation order; status is as of today. unitId: items that unit is assigned to "
            + "(any role). With updatedSince, items changed at or after that instant (a new progress report counts), "
            + "ordered by change time. Items of withdrawn lists only with includeWithdrawn.")
    public @NonNull ResponsibilityConnection responsibilities(Integer first, String after, ResponsibilityStatus status,
            @Id String unitId, @Deprecated @Description(UPDATED_SINCE_DEPRECATION) OffsetDateTime updatedSince, @Id String listId, @DefaultValue("false") boolean includeWithdrawn) {
        return ResponsibilityConnection.of(itemService.items(status, unitId, listId, includeWithdrawn,
                PageRequest.of(first, after, updatedSince)));
    }

    // ---------- mutations ----------

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Creates a list with all its items in one transaction: every item valid, or nothing is written.")
    public @NonNull ResponsibilityList createResponsibilityList(@NonNull ResponsibilityListInput input) {
        return listService.createList(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Replaces an item's number, text, units and deadline. version is the one the client read; a stale one is CONFLICT.")
    public @NonNull Responsibility updateResponsibility(@NonNull @Id String id, int version, @NonNull ResponsibilityInput input) {
        return itemService.updateItem(id, version, input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Files a progress report. A unit editor reports for its own unit on items it is assigned to; a completed "
            + "report completes the item when it comes from a LEAD unit or from the committee office (a coordinator).")
    public @NonNull ProgressReport reportProgress(@NonNull ProgressReportInput input) {
        return reportService.report(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Adds an item to a list.")
    public @NonNull Responsibility addResponsibility(@NonNull @Id String listId, @NonNull ResponsibilityInput input) {
        return itemService.addItem(listId, input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Removes an item entered by mistake (not one with progress reports); returns its id.")
    public @NonNull @Id String removeResponsibility(@NonNull @Id String id, int version) {
        return itemService.removeItem(id, version);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Replaces the units assigned to an item and their roles.")
    public @NonNull Responsibility reassignResponsibility(@NonNull @Id String id, int version,
            @NonNull List<@NonNull AssignmentInput> assignments) {
        return itemService.reassign(id, version, assignments);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Withdraws a list: it stays readable, takes no more changes or reports, and leaves the overdue check.")
    public @NonNull ResponsibilityList withdrawResponsibilityList(@NonNull @Id String id, int version, String reason) {
        return listService.withdrawList(id, version, reason);
    }

    // ---------- nested fields, loaded in one query per field and level ----------

    @Name("issuer")
    public @NonNull List<@NonNull Unit> listIssuer(@Source List<ResponsibilityList> parents) {
        return organisation.unitsFor(parents.stream().map(l -> l.issuerId).toList());
    }

    @Name("items")
    @Description("The list's items in document order, filtered like responsibilities; status is as of today.")
    public @NonNull List<@NonNull ResponsibilityConnection> listItems(@Source List<ResponsibilityList> parents, Integer first,
            String after, ResponsibilityStatus status, @Id String unitId) {
        BatchArguments.requireOneSet(context.unwrap(DataFetchingEnvironment.class));
        return itemService.itemsOf(parents, status, unitId, PageRequest.of(first, after)).stream()
                .map(ResponsibilityConnection::of).toList();
    }

    @Name("list")
    public @NonNull List<@NonNull ResponsibilityList> itemList(@Source List<Responsibility> parents) {
        return listService.listsFor(parents.stream().map(r -> r.listId).toList());
    }

    @Name("status")
    @Description("OPEN, COMPLETED, OVERDUE or ONGOING as of today (RULES.md).")
    public @NonNull List<@NonNull ResponsibilityStatus> itemStatus(@Source List<Responsibility> parents) {
        return itemService.statusesFor(parents);
    }

    @Name("completedOn")
    @Description("The date of the first completing report (a LEAD unit's or the office's), if any; a LONG_TERM item stays ONGOING.")
    public List<LocalDate> itemCompletedOn(@Source List<Responsibility> parents) {
        return itemService.completedOnFor(parents);
    }

    @Name("assignments")
    public @NonNull List<@NonNull List<@NonNull Assignment>> itemAssignments(@Source List<Responsibility> parents) {
        return itemService.assignmentsFor(parents);
    }

    @Name("progressReports")
    @Description("Reports in the order they were dated.")
    public @NonNull List<@NonNull List<@NonNull ProgressReport>> itemReports(@Source List<Responsibility> parents) {
        return reportService.reportsFor(parents);
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> assignmentUnit(@Source List<Assignment> parents) {
        return organisation.unitsFor(parents.stream().map(a -> a.unitId).toList());
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> reportUnit(@Source List<ProgressReport> parents) {
        return organisation.unitsFor(parents.stream().map(p -> p.unitId).toList());
    }
}
