package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CommitteeUpdateInput")
@Description("Fields left out (null) stay as they are; rule replaces the whole rule; memberIds replaces the members ([] removes all).")
public class CommitteeUpdateInput {
    public String name;
    public LocalDate establishedOn;
    public MeetingRuleInput rule;
    @Id
    public List<@NonNull String> memberIds;
}
