package cn.worksafety.responsibility;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ResponsibilityListInput")
public class ResponsibilityListInput {
    @NonNull
    public String title;
    public String documentNumber;
    @NonNull
    @Id
    public String issuerId;
    public LocalDate issuedOn;
    @NonNull
    public List<@NonNull ResponsibilityInput> items;
}
