package cn.worksafety.planning;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TargetInput")
public class TargetInput {
    @NonNull
    public TargetComparator comparator;
    @NonNull
    public Double value;
    @Description("Required for DECREASE_BY_PERCENT/INCREASE_BY_PERCENT (a key like 2020 or a range like 2016..2020), "
            + "refused for the others.")
    public String baselinePeriod;
    @Description("Compare the mean of the latest N yearly observations (yearly indicators only).")
    public Integer averageYears;
    @Description("The target as the source document words it.")
    public String wording;
}
