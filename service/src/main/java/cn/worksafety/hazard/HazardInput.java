package cn.worksafety.hazard;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("HazardInput")
public class HazardInput {
    @NonNull
    @Id
    public String unitId;
    @NonNull
    @Id
    public String supervisingUnitId;
    @NonNull
    public HazardGrade grade;
    @NonNull
    public HazardSource source;
    @NonNull
    public String description;
    @NonNull
    public LocalDate foundOn;
    public LocalDate dueOn;
    @Id
    public String riskPointId;
    public RemediationPlanInput plan;
}
