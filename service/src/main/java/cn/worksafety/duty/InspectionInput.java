package cn.worksafety.duty;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.hazard.HazardInput;

@Input("InspectionInput")
public class InspectionInput {
    @NonNull
    @Id
    public String unitId;
    @NonNull
    public InspectionKind kind;
    @NonNull
    public LocalDate heldOn;
    @NonNull
    @Id
    public List<@NonNull String> enterpriseIds;
    @Id
    @Description("Units that joined the inspection (联合检查).")
    public List<@NonNull String> joinedByIds;
    public List<@NonNull String> experts;
    @Description("Hazards found, each of an inspected enterprise (or the inspecting unit itself), reported to the hazard register "
            + "in the same transaction: one refused hazard refuses the whole inspection.")
    public List<@NonNull HazardInput> hazards;
    public String summary;
}
