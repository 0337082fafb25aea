package cn.worksafety.responsibility;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AssignmentInput")
public class AssignmentInput {
    @NonNull
    @Id
    public String unitId;
    @NonNull
    public AssignmentRole role;

    public AssignmentInput() {
    }

    public AssignmentInput(String unitId, AssignmentRole role) {
        this.unitId = unitId;
        this.role = role;
    }
}
