package cn.worksafety.planning;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PlanInput")
public class PlanInput {
    @NonNull
    public String title;
    @NonNull
    public PlanKind kind;
    @NonNull
    public LocalDate periodStart;
    @NonNull
    public LocalDate periodEnd;
    @Id
    @Description("The issuing unit; the plan belongs to its region (else to the region of the caller's unit).")
    public String issuerId;
    @NonNull
    public List<@NonNull IndicatorInput> indicators;
    @Description("The plan's main tasks (主要任务), in document order. createPlan: none when omitted. updatePlan: "
            + "replaces the task list when given (rows with an id revise that task, rows without add one, tasks left out "
            + "are removed); leaves the tasks alone when omitted.")
    public List<@NonNull PlanTaskInput> tasks;
}
