package cn.worksafety.training;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.organisation.PersonRole;

@Input("TrainingRuleInput")
public class TrainingRuleInput {
    @NonNull
    public PersonRole role;
    @NonNull
    public TrainingKind kind;
    public Double minimumHours;
    public Integer validityMonths;
    public String description;
    @Id
    @Description("The region the rule applies in (and below). Default: the coordinator's own region; "
            + "for an admin, everywhere.")
    public String regionCode;
}
