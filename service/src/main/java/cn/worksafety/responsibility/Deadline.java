package cn.worksafety.responsibility;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** When an item is due; {@code dueOn} is null exactly for LONG_TERM. */
public record Deadline(@NonNull DeadlineKind kind, @Description("Null for LONG_TERM.") LocalDate dueOn) {
}
