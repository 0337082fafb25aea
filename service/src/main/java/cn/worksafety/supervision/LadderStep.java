package cn.worksafety.supervision;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One step of a ladder: due afterDays days after the alert was raised (the first step) or the previous step was issued.")
public record LadderStep(@NonNull SupervisionStep step, @NonNull int afterDays) {
}
