package cn.worksafety.organisation;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RegionInput")
public class RegionInput {
    @NonNull
    @Id
    public String code;
    @NonNull
    public String name;
    @NonNull
    public RegionLevel level;
    @Id
    public String parentCode;
}
