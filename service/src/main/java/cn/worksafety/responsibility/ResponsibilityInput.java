package cn.worksafety.responsibility;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ResponsibilityInput")
public class ResponsibilityInput {
    @NonNull
    public String number;
    @NonNull
    public String title;
    @NonNull
    public String content;
    @NonNull
    @Description("At least one LEAD unit; each unit at most once.")
    public List<@NonNull AssignmentInput> assignments;
    @NonNull
    public DeadlineInput deadline;
    @Description("责任单位 as the source document words them (kept verbatim, optional).")
    public String unitsText;
    @Description("完成时间 as the source document words it (kept verbatim, optional).")
    public String deadlineText;
}
