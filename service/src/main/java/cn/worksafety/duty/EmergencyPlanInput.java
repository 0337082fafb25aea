package cn.worksafety.duty;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EmergencyPlanInput")
public class EmergencyPlanInput {
    @NonNull
    @Id
    public String unitId;
    @NonNull
    public String title;
    @NonNull
    public String version;
    @Description("The day it was filed; required with filedWithIds.")
    public LocalDate filedOn;
    @Id
    @Description("The units it was filed with: its industry department and the emergency management bureau.")
    public List<@NonNull String> filedWithIds;
}
