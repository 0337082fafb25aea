package cn.worksafety.supervision;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("LadderStepInput")
public class LadderStepInput {
    @NonNull
    public SupervisionStep step;
    @NonNull
    public int afterDays;
}
