package cn.worksafety.planning;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Period;

@Input("IndicatorInput")
public class IndicatorInput {
    @Id
    @Description("In updatePlan: the indicator this row revises (it keeps its observations); omit for a new indicator.")
    public String id;
    @NonNull
    public Integer sequence;
    public String category;
    @NonNull
    public String name;
    public String unitOfMeasure;
    @NonNull
    public TargetInput target;
    @NonNull
    public IndicatorNature nature;
    @Description("The kind of period observations are recorded for; YEAR when omitted.")
    public Period.Kind periodKind;
    @Id
    @Description("The unit responsible for the indicator: it may record observations.")
    public String responsibleUnitId;
}
