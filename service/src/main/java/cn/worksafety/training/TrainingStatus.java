package cn.worksafety.training;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A person's standing against one rule as of a date.
 *
 * @param expiresOn    the last valid day of the deciding record; null when missing or never expiring
 * @param latestRecord the latest qualifying record, which decides the state; null when missing
 */
@Description("A person's standing against one training rule as of a date.")
public record TrainingStatus(@NonNull TrainingRule rule, @NonNull TrainingState state, LocalDate expiresOn,
        @Description("The latest qualifying record, which decides the state; null when MISSING.") TrainingRecord latestRecord) {
}
