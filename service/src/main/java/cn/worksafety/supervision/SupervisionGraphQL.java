package cn.worksafety.supervision;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.alert.Alert;
import cn.worksafety.alert.AlertKind;
import cn.worksafety.common.Batch;
import cn.worksafety.common.PageRequest;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Allowed;
import cn.worksafety.security.Role;

@GraphQLApi
public class SupervisionGraphQL {

    @Inject
    SupervisionService service;

    @Inject
    SupervisionRepository repository;

    @Inject
    SupervisionBoard board;

    @Inject
    OrganisationService organisation;

    @Inject
    EntityManager em;

    @Query
    @Allowed
    @Description("The default ladder of every alert kind and the ladders of the regions the caller reads.")
    public @NonNull List<@NonNull SupervisionLadder> supervisionLadders() {
        return service.ladders();
    }

    @Query
    @Allowed
    @Description("The office's board: open alerts of units in the region and below with their current and next step, the next step's due date and reply status as of the date (default today), oldest first; per unit counts in units.")
    public @NonNull SupervisionBoardConnection supervisionBoard(@NonNull @Id String regionCode, LocalDate asOf, Integer first, String after) {
        return SupervisionBoardConnection.of(board.page(regionCode, asOf, PageRequest.of(first, after)));
    }

    @Name("units")
    @Description("Per unit of the whole board (not only this page): open alerts, at each step, next step overdue, replies late.")
    public @NonNull List<@NonNull SupervisionUnitCounts> boardUnits(@Source SupervisionBoardConnection connection) {
        return board.units(connection.scope);
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> countsUnit(@Source List<SupervisionUnitCounts> counts) {
        return organisation.unitsFor(counts.stream().map(SupervisionUnitCounts::unitId).toList());
    }

    @Mutation("setSupervisionLadder") // named: SmallRye drops a "set" prefix
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Replaces the ladder of an alert kind for a region (a coordinator there) or, without a region, the default (admin). An empty list: no escalation.")
    public @NonNull SupervisionLadder setSupervisionLadder(@NonNull AlertKind alertKind, @Id String regionCode,
            @NonNull List<@NonNull LadderStepInput> steps) {
        return service.setLadder(alertKind, regionCode, steps);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("The committee office issues a step of the alert's ladder to the alert's unit; early or skipped steps are allowed and recorded.")
    public @NonNull SupervisionAction issueSupervision(@NonNull @Id String alertId, @NonNull SupervisionStep step,
            @NonNull LocalDate issuedOn, LocalDate replyBy, String note) {
        return service.issue(alertId, step, issuedOn, replyBy, note);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("The unit the step was issued to (or the office) records its reply, once.")
    public @NonNull SupervisionAction replyToSupervision(@NonNull @Id String actionId, @NonNull String reply, @NonNull LocalDate repliedOn) {
        return service.reply(actionId, reply, repliedOn);
    }

    @Name("actions")
    @Description("The supervision steps issued against the alert, oldest first.")
    public @NonNull List<@NonNull List<@NonNull SupervisionAction>> alertActions(@Source List<Alert> alerts) {
        return Batch.grouped(alerts.stream().map(a -> a.id).toList(),
                repository.actionsOf(alerts.stream().map(a -> a.id).distinct().toList()), action -> action.alertId);
    }

    @Name("alert")
    public @NonNull List<@NonNull Alert> actionAlert(@Source List<SupervisionAction> actions) {
        List<Long> ids = actions.stream().map(a -> a.alertId).toList();
        List<Alert> found = em.createQuery("select a from Alert a where a.id in :ids", Alert.class)
                .setParameter("ids", ids.stream().distinct().toList()).getResultList();
        return Batch.inOrder(ids, found, a -> a.id);
    }

    @Name("issuedBy")
    @Description("The unit that issued the step (the committee office).")
    public @NonNull List<@NonNull Unit> actionIssuedBy(@Source List<SupervisionAction> actions) {
        return organisation.unitsFor(actions.stream().map(a -> a.issuedById).toList());
    }

    @Name("target")
    @Description("The unit the step was issued to: the alert's unit.")
    public @NonNull List<@NonNull Unit> actionTarget(@Source List<SupervisionAction> actions) {
        return organisation.unitsFor(actions.stream().map(a -> a.targetId).toList());
    }

    @Name("region")
    @Description("The region whose ladder this is; null for the default.")
    public List<Region> ladderRegion(@Source List<SupervisionLadder> ladders) {
        List<String> codes = ladders.stream().map(l -> l.regionCode).filter(Objects::nonNull).toList();
        Map<String, Region> regions = new HashMap<>();
        organisation.regionsFor(codes).forEach(r -> regions.put(r.code, r));
        return ladders.stream().map(l -> l.regionCode == null ? null : regions.get(l.regionCode)).toList();
    }
}
