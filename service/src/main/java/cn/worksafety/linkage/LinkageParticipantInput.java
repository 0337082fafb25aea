package cn.worksafety.linkage;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("LinkageParticipantInput")
public class LinkageParticipantInput {
    @NonNull
    @Id
    public String unitId;
    public String duty;
}
