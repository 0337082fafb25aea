package cn.worksafety.duty;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DutyEventInput")
public class DutyEventInput {
    @NonNull
    @Id
    public String ruleId;
    @NonNull
    @Id
    public String unitId;
    @NonNull
    public LocalDate happenedOn;
    public String summary;
    @Description("The period the event counts for, a key of the rule's frequency; defaults to the period containing happenedOn. "
            + "Only a WRITTEN_RETURN may be dated after its period (filed late); other events lie inside it.")
    public String period;
}
