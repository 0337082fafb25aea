package cn.worksafety.alert;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.common.PageRequest;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Allowed;
import cn.worksafety.security.Role;

@GraphQLApi
public class AlertGraphQL {

    @Inject
    AlertService service;

    @Inject
    OrganisationService organisation;

    @Query
    @Allowed
    @Description("Alerts of units in the caller's region, oldest first.")
    public @NonNull AlertConnection alerts(Integer first, String after, AlertStatus status, AlertKind kind, @Id String unitId) {
        return AlertConnection.of(service.alerts(status, kind, unitId, PageRequest.of(first, after)));
    }

    @Mutation
    @Allowed(Role.ADMIN)
    @Description("Runs every check as of the date (replayable); raises each alert at most once.")
    public @NonNull CheckRun runChecks(@NonNull LocalDate asOf) {
        return service.runChecks(asOf);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    public @NonNull Alert acknowledgeAlert(@NonNull @Id String id) {
        return service.acknowledge(id);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("The committee office (coordinator of the alert's region, admin) closes the alert with the note as its reason, as closeAlert does; a unit editor is refused with the rule (RULES.md: Supervision).")
    public @NonNull Alert resolveAlert(@NonNull @Id String id, String note) {
        return service.resolve(id, note);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("The committee office closes an alert whose condition still holds, with a reason; the checks raise it again if the condition still holds after the quiet period.")
    public @NonNull Alert closeAlert(@NonNull @Id String id, @NonNull String reason) {
        return service.close(id, reason);
    }

    @Name("unit")
    @Description("The unit that must act.")
    public @NonNull List<@NonNull Unit> alertUnit(@Source List<Alert> alerts) {
        return organisation.unitsFor(alerts.stream().map(a -> a.unitId).toList());
    }
}
