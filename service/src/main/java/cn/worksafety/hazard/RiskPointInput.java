package cn.worksafety.hazard;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RiskPointInput")
public class RiskPointInput {
    @NonNull
    @Id
    public String unitId;
    @NonNull
    public String name;
    @NonNull
    public RiskLevel level;
    public String controls;
    public Boolean monitored;
}
