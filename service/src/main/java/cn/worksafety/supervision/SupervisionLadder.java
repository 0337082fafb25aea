package cn.worksafety.supervision;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.alert.AlertKind;

@Description("The escalation ladder of an alert kind: a region's own (for the region and below) or, without a region, the default.")
public class SupervisionLadder {

    @NonNull
    public AlertKind alertKind;

    @Ignore
    public String regionCode;

    @NonNull
    public List<@NonNull LadderStep> steps;

    public SupervisionLadder(AlertKind alertKind, String regionCode, List<LadderStep> steps) {
        this.alertKind = alertKind;
        this.regionCode = regionCode;
        this.steps = steps;
    }
}
