package cn.worksafety.organisation;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UnitInput")
public class UnitInput {
    @NonNull
    public String code;
    @NonNull
    public String name;
    @NonNull
    public UnitKind kind;
    @NonNull
    @Id
    public String regionCode;
    @Id
    public String parentId;
}
