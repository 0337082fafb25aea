package cn.worksafety.responsibility;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DeadlineInput")
public class DeadlineInput {
    @NonNull
    public DeadlineKind kind;
    @Description("Required for DATE and DATE_THEN_ONGOING, absent for LONG_TERM.")
    public LocalDate dueOn;

    public DeadlineInput() {
    }

    public DeadlineInput(DeadlineKind kind, LocalDate dueOn) {
        this.kind = kind;
        this.dueOn = dueOn;
    }
}
