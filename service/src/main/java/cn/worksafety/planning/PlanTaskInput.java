package cn.worksafety.planning;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PlanTaskInput")
public class PlanTaskInput {
    @Id
    @Description("In updatePlan: the task this row revises (it keeps its id); omit for a new task.")
    public String id;
    @NonNull
    @Description("The task's number as the document writes it, unique within the plan.")
    public String number;
    @NonNull
    public String title;
    @Id
    @Description("The lead unit (牵头单位), a unit you can see.")
    public String leadUnitId;
    @Id
    @Description("The responsibility-list item that tracks the task, an item you can see; omit for none.")
    public String responsibilityId;
}
