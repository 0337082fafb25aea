package cn.worksafety.linkage;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("LinkageActivationInput")
public class LinkageActivationInput {
    @NonNull
    @Id
    public String mechanismId;
    @NonNull
    public ActivationKind kind;
    @NonNull
    public OffsetDateTime startedAt;
    public OffsetDateTime endedAt;
    @NonNull
    @Id
    @Description("The units that actually took part; units outside the mechanism may join (see drewInNonParticipants).")
    public List<@NonNull String> unitIds;
    public String summary;
}
