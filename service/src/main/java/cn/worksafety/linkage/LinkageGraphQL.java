package cn.worksafety.linkage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
public class LinkageGraphQL {

    @Inject
    LinkageMechanismService mechanismService;

    @Inject
    LinkageActivationService activationService;

    @Inject
    OrganisationService organisation;

    @Inject
    Context context;

    @Query
    @Allowed
    @Description("One linkage mechanism whose lead unit lies in the caller's region or in which the caller's unit takes part.")
    public LinkageMechanism linkageMechanism(@NonNull @Id String id) {
        return mechanismService.mechanism(id);
    }

    @Query
    @Allowed
    @Description("Linkage mechanisms whose lead unit lies in the caller's region or in which the caller's unit takes part, "
            + "oldest first. unitId (with role: LEAD, PARTICIPANT, or either without it): the mechanisms that unit leads or "
            + "joins. notActivatedWithinMonths: only "
            + "mechanisms with no activation (of any kind) starting in that many months up to and including asOf "
            + "(default today). Retired mechanisms only with includeRetired. At most 500 (more: BAD_USER_INPUT, page with "
            + "linkageMechanismsConnection).")
    public @NonNull List<@NonNull LinkageMechanism> linkageMechanisms(LinkageKind kind, @Id String unitId, LinkageRole role,
            Boolean includeRetired, Integer notActivatedWithinMonths, LocalDate asOf) {
        return mechanismService.mechanisms(kind, unitId, role, includeRetired, notActivatedWithinMonths, asOf);
    }

    @Query
    @Allowed
    @Description("The mechanisms of linkageMechanisms, in pages.")
    public @NonNull LinkageMechanismConnection linkageMechanismsConnection(Integer first, String after, LinkageKind kind,
            @Id String unitId, LinkageRole role, Boolean includeRetired, Integer notActivatedWithinMonths, LocalDate asOf) {
        return LinkageMechanismConnection.of(mechanismService.mechanismsPage(kind, unitId, role, includeRetired, notActivatedWithinMonths,
                asOf, PageRequest.of(first, after)));
    }

    @Query
    @Allowed
    @Description("Activations of the mechanisms the caller reads (see linkageMechanisms), in recording order (by change "
            + "time with updatedSince). period (2026, 2026-Q1, 2026-03 ...) and from/to (inclusive days) filter on the start; unitId: activations "
            + "that unit took part in.")
    public @NonNull LinkageActivationConnection linkageActivations(Integer first, String after, @Id String mechanismId,
            @Id String unitId, ActivationKind kind, String period, LocalDate from, LocalDate to, @Deprecated @Description(UPDATED_SINCE_DEPRECATION) OffsetDateTime updatedSince) {
        return LinkageActivationConnection.of(activationService.activations(mechanismId, unitId, kind, period, from, to,
                PageRequest.of(first, after, updatedSince)));
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Creates a mechanism led by a unit of the caller's region (coordinators; admins anywhere).")
    public @NonNull LinkageMechanism createLinkageMechanism(@NonNull LinkageMechanismInput input) {
        return mechanismService.create(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Replaces a mechanism's fields, participants with their duties, and triggers; version is the one the "
            + "client last read (CONFLICT when stale).")
    public @NonNull LinkageMechanism updateLinkageMechanism(@NonNull @Id String id, @NonNull int version,
            @NonNull LinkageMechanismInput input) {
        return mechanismService.update(id, version, input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Retires a mechanism as of retiredOn (default today); it keeps its activations and is listed only with "
            + "includeRetired.")
    public @NonNull LinkageMechanism retireLinkageMechanism(@NonNull @Id String id, @NonNull int version, LocalDate retiredOn,
            String note) {
        return mechanismService.retire(id, version, retiredOn, note);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records an activation: by the lead or a participating unit's editor, or the committee office of the "
            + "region. A unit editor names only the mechanism's units; the committee office may also name units of its region "
            + "or of a region above it, and the activation then shows drewInNonParticipants.")
    public @NonNull LinkageActivation recordActivation(@NonNull LinkageActivationInput input) {
        return activationService.recordActivation(input);
    }

    // ---------- nested fields, loaded in one query per field and level ----------

    @Name("leadUnit")
    public @NonNull List<@NonNull Unit> mechanismLeadUnit(@Source List<LinkageMechanism> mechanisms) {
        return organisation.unitsFor(mechanisms.stream().map(m -> m.leadUnitId).toList());
    }

    @Name("participants")
    @Description("The units taking part besides the lead, with their duties, in the order given.")
    public @NonNull List<@NonNull List<@NonNull LinkageParticipant>> mechanismParticipants(@Source List<LinkageMechanism> mechanisms) {
        return mechanismService.participantsFor(mechanisms);
    }

    @Name("activations")
    @Description("Activations in start order; period (2026, 2026-Q1, 2026-03 ...) and from/to (inclusive days) filter on "
            + "the start, unitId on the units that took part.")
    public @NonNull List<@NonNull List<@NonNull LinkageActivation>> mechanismActivations(@Source List<LinkageMechanism> mechanisms,
            String period, LocalDate from, LocalDate to, @Id String unitId, ActivationKind kind) {
        BatchArguments.requireOneSet(context.unwrap(DataFetchingEnvironment.class));
        return activationService.activationsFor(mechanisms, activationService.activationFilter(unitId, kind, period, from, to));
    }

    @Name("activationCounts")
    @Description("For every activation kind, how many activations started in the period (2026, 2026-H1, 2026-Q3, 2026-03).")
    public @NonNull List<@NonNull List<@NonNull ActivationCount>> mechanismActivationCounts(
            @Source List<LinkageMechanism> mechanisms, @NonNull String period) {
        BatchArguments.requireOneSet(context.unwrap(DataFetchingEnvironment.class));
        return activationService.countsFor(mechanisms, period);
    }

    @Name("lastActivatedAt")
    @Description("When the latest activation started; null if it never was activated.")
    public List<OffsetDateTime> mechanismLastActivatedAt(@Source List<LinkageMechanism> mechanisms) {
        return activationService.lastActivatedFor(mechanisms);
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> participantUnit(@Source List<LinkageParticipant> participants) {
        return organisation.unitsFor(participants.stream().map(p -> p.unitId).toList());
    }

    @Name("mechanism")
    public @NonNull List<@NonNull LinkageMechanism> activationMechanism(@Source List<LinkageActivation> activations) {
        return mechanismService.mechanismsFor(activations);
    }

    @Name("units")
    @Description("The units that actually took part, in the order recorded.")
    public @NonNull List<@NonNull List<@NonNull Unit>> activationUnits(@Source List<LinkageActivation> activations) {
        return activationService.unitsFor(activations, false);
    }

    @Name("nonParticipantUnits")
    @Description("The units that took part although they were neither the lead nor a participant of the mechanism when the "
            + "activation was recorded.")
    public @NonNull List<@NonNull List<@NonNull Unit>> activationNonParticipantUnits(@Source List<LinkageActivation> activations) {
        return activationService.unitsFor(activations, true);
    }

    @Name("recordedBy")
    @Description("The unit of whoever recorded the activation; null when recorded by an account without a unit.")
    public List<Unit> activationRecordedBy(@Source List<LinkageActivation> activations) {
        return organisation.unitsFor(activations.stream().map(a -> a.recordedByUnitId).toList());
    }
}
