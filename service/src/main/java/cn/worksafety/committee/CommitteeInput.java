package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CommitteeInput")
public class CommitteeInput {
    @NonNull
    public String name;
    @NonNull
    @Id
    public String unitId;
    @NonNull
    public LocalDate establishedOn;
    @NonNull
    public MeetingRuleInput rule;
    @Id
    public List<@NonNull String> memberIds;
}
