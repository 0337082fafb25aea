package cn.worksafety.duty;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DrillInput")
public class DrillInput {
    @NonNull
    @Id
    public String unitId;
    @Id
    public String planId;
    @NonNull
    public LocalDate heldOn;
    @NonNull
    public DrillKind kind;
    public String evaluation;
}
