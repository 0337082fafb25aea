package cn.worksafety.duty;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.organisation.UnitKind;

@Input("DutyRuleInput")
public class DutyRuleInput {
    @NonNull
    public String title;
    @NonNull
    public DutyKind kind;
    @NonNull
    public DutyFrequency frequency;
    @NonNull
    public int minimum;
    public List<@NonNull UnitKind> unitKinds;
    @Id
    @Description("The region whose units of `unitKinds` (in it and below) the rule binds; defaults to the caller's region.")
    public String regionCode;
    @Id
    public List<@NonNull String> unitIds;
    @Description("1..31; a day past the month's end means its last day.")
    public Integer dueDay;
    public Integer graceDays;
    @NonNull
    public LocalDate effectiveFrom;
}
