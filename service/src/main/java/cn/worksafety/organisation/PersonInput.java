package cn.worksafety.organisation;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PersonInput")
public class PersonInput {
    @NonNull
    public String name;
    @NonNull
    @Id
    public String unitId;
    @NonNull
    public List<@NonNull PersonRole> roles;
    public String idNumber;
    public String phone;
}
