package cn.worksafety.committee;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MeetingRuleInput")
public class MeetingRuleInput {
    @NonNull
    public Frequency frequency;
    @NonNull
    @Description("At least 1, at most 100.")
    public Integer minimumMeetings;
    @Description("0 to 366 days; 0 when left out.")
    public Integer graceDays;
}
