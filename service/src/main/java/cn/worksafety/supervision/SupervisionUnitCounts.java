package cn.worksafety.supervision;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One unit's line of the board (all its open alerts on the board, not one page).")
public record SupervisionUnitCounts(
        @Ignore long unitId,
        @Description("Open alerts.") @NonNull int open,
        @Description("Open alerts against which no step was issued yet.") @NonNull int notStarted,
        @Description("Open alerts per current step (steps with none left out).") @NonNull List<@NonNull StepCount> atStep,
        @Description("Open alerts whose next step is past its due date.") @NonNull int stepsOverdue,
        @Description("Open alerts with a reply overdue (replyOverdue).") @NonNull int repliesLate) {
}
