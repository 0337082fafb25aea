package cn.worksafety.responsibility;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ProgressReportInput")
public class ProgressReportInput {
    @NonNull
    @Id
    public String responsibilityId;
    @NonNull
    @Id
    @Description("The reporting unit: a unit editor's own unit, which must be assigned to the item.")
    public String unitId;
    @NonNull
    @Description("Not in the future.")
    public LocalDate reportedOn;
    @NonNull
    public String summary;
    @NonNull
    public boolean completed;
}
