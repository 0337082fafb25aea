package cn.worksafety.hazard;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** An interview (约谈) as the caller may see it: names masked unless they may see the units' personal data. */
public record Interview(@NonNull @Id String id, @NonNull LocalDate heldOn,
        @NonNull @Description("Who held it (the district leader in charge, the park commander or the district's principal leader).") String heldBy,
        @NonNull @Description("Who was interviewed (the legal representative or actual investor).") String interviewee,
        String summary) {
}
