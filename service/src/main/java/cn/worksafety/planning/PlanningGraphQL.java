package cn.worksafety.planning;

import java.util.ArrayList;
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
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.responsibility.Responsibility;
import cn.worksafety.security.Allowed;
import cn.worksafety.security.Role;

@GraphQLApi
public class PlanningGraphQL {

    @Inject
    PlanService planService;

    @Inject
    IndicatorService indicatorService;

    @Inject
    PlanTaskService taskService;

    @Inject
    ObservationService observationService;

    @Inject
    ObservationBatch batch;

    @Inject
    OrganisationService organisation;

    @Query
    @Allowed
    @Description("A plan of the caller's region, or one with an indicator the caller's unit is responsible for. "
            + "Asking for its indicators with target, latest, status and observations is the dashboard: "
            + "a fixed number of SQL statements however many indicators and observations it has.")
    public Plan plan(@NonNull @Id String id) {
        return planService.plan(id);
    }

    @Query
    @Allowed
    @Description("The plans the caller may read, oldest first, optionally of one kind. At most 500 (more: "
            + "BAD_USER_INPUT, page with plansConnection).")
    public @NonNull List<@NonNull Plan> plans(PlanKind kind) {
        return planService.plans(kind);
    }

    @Query
    @Allowed
    @Description("The plans of plans, in pages.")
    public @NonNull PlanConnection plansConnection(Integer first, String after, PlanKind kind) {
        return PlanConnection.of(planService.plansPage(kind, PageRequest.of(first, after)));
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Creates a plan with its indicator table, in the issuer's region (coordinators of that region).")
    public @NonNull Plan createPlan(@NonNull PlanInput input) {
        return planService.createPlan(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Revises a plan and its indicator table; 'version' is the plan's version you read (CONFLICT when stale). "
            + "Indicator rows with an id revise that indicator and keep its observations; rows without add one; "
            + "indicators left out are removed unless they have observations.")
    public @NonNull Plan updatePlan(@NonNull @Id String id, @NonNull Integer version, @NonNull PlanInput input) {
        return planService.updatePlan(id, version, input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Links a plan task to the responsibility-list item that tracks it, or unlinks it when responsibilityId "
            + "is omitted or null. The item must be one you can see. Allowed to those who maintain the plan; moves the "
            + "plan's version.")
    public @NonNull PlanTask linkPlanTask(@NonNull @Id String taskId, @Id String responsibilityId) {
        return taskService.linkTask(taskId, responsibilityId);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records an indicator's value for a period (2026, 2026-H1, 2026-Q3, 2026-03) of the indicator's kind. "
            + "Recording the same period again replaces the value; the audit trail keeps the old one. "
            + "Allowed to the indicator's responsible unit and to coordinators of the plan's region.")
    public @NonNull Observation recordObservation(@NonNull ObservationInput input) {
        Observation observation = observationService.recordObservation(input);
        batch.clear();
        return observation;
    }

    // ---------- nested fields, one query per field and level ----------

    @Name("indicators")
    @Description("The indicator table, by sequence.")
    public @NonNull List<@NonNull List<@NonNull Indicator>> planIndicators(@Source List<Plan> plans) {
        return indicatorService.indicatorsOf(plans);
    }

    @Name("tasks")
    @Description("The plan's main tasks (主要任务) in document order.")
    public @NonNull List<@NonNull List<@NonNull PlanTask>> planTasks(@Source List<Plan> plans) {
        return taskService.tasksOf(plans);
    }

    @Name("leadUnit")
    @Description("The lead unit (牵头单位), when recorded.")
    public List<Unit> taskLeadUnit(@Source List<PlanTask> tasks) {
        return organisation.unitsFor(tasks.stream().map(t -> t.leadUnitId).toList());
    }

    @Name("responsibility")
    @Description("The responsibility-list item that tracks the task, with its computed status; null when the task is "
            + "not linked or the item is one you may not see.")
    public List<Responsibility> taskResponsibility(@Source List<PlanTask> tasks) {
        return taskService.responsibilitiesOf(tasks);
    }

    @Name("issuer")
    public List<Unit> planIssuer(@Source List<Plan> plans) {
        return organisation.unitsFor(plans.stream().map(p -> p.issuerId).toList());
    }

    @Name("region")
    @Description("The region the plan belongs to.")
    public @NonNull List<@NonNull Region> planRegion(@Source List<Plan> plans) {
        return organisation.regionsFor(plans.stream().map(p -> p.regionCode).toList());
    }

    @Name("observations")
    @Description("Every observation, oldest period first.")
    public @NonNull List<@NonNull List<@NonNull Observation>> indicatorObservations(@Source List<Indicator> indicators) {
        return batch.of(indicators);
    }

    @Name("latest")
    @Description("The observation of the latest period.")
    public List<Observation> indicatorLatest(@Source List<Indicator> indicators) {
        List<Observation> latest = new ArrayList<>(indicators.size());
        for (List<Observation> series : batch.of(indicators)) {
            latest.add(series.isEmpty() ? null : series.get(series.size() - 1));
        }
        return latest;
    }

    @Name("status")
    @Description("MET / NOT_MET computed from the latest observation and the target; NO_DATA when an observation it needs is missing.")
    public @NonNull List<@NonNull IndicatorStatus> indicatorStatus(@Source List<Indicator> indicators) {
        List<List<Observation>> series = batch.of(indicators);
        List<IndicatorStatus> statuses = new ArrayList<>(indicators.size());
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            statuses.add(TargetEvaluation.evaluate(indicator.target, indicator.periodKind, series.get(i)));
        }
        return statuses;
    }

    @Name("responsibleUnit")
    @Description("The unit responsible for the indicator, which may record its observations.")
    public List<Unit> indicatorResponsibleUnit(@Source List<Indicator> indicators) {
        return organisation.unitsFor(indicators.stream().map(i -> i.responsibleUnitId).toList());
    }

    @Name("reportedBy")
    @Description("The unit of whoever recorded the current value (none for an admin without a unit).")
    public List<Unit> observationReportedBy(@Source List<Observation> observations) {
        return organisation.unitsFor(observations.stream().map(o -> o.reportedByUnitId).toList());
    }
}
