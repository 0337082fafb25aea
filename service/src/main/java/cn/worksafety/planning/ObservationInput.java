package cn.worksafety.planning;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ObservationInput")
public class ObservationInput {
    @NonNull
    @Id
    public String indicatorId;
    @NonNull
    @Description("A period key of the indicator's kind: 2026, 2026-H1, 2026-Q3 or 2026-03.")
    public String period;
    @NonNull
    public Double value;
}
