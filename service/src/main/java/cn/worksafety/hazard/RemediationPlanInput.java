package cn.worksafety.hazard;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RemediationPlanInput")
public class RemediationPlanInput {
    @NonNull
    public String responsibility;
    @NonNull
    public String measures;
    @NonNull
    public String funds;
    @NonNull
    public LocalDate timeLimit;
    @NonNull
    public String contingency;
}
