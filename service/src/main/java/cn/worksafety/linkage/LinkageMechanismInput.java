package cn.worksafety.linkage;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("LinkageMechanismInput")
public class LinkageMechanismInput {
    @NonNull
    public String name;
    @NonNull
    public LinkageKind kind;
    public String scope;
    @NonNull
    @Id
    public String leadUnitId;
    @NonNull
    @Description("The units taking part besides the lead, at least one, each once.")
    public List<@NonNull LinkageParticipantInput> participants;
    public List<@NonNull String> triggers;
    @Description("The clause that establishes the mechanism, in the source document's words.")
    public String description;
    @Description("The document the mechanism comes from.")
    public String basis;
}
