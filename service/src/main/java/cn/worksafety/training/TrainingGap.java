package cn.worksafety.training;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.organisation.Person;

@Description("A person of the unit and a rule they fall short of (or, when asked for, meet) as of the date.")
public record TrainingGap(@NonNull Person person, @NonNull TrainingRule rule, @NonNull TrainingState state, LocalDate expiresOn,
        @Description("The latest qualifying record, which decides the state; null when MISSING.") TrainingRecord latestRecord) {
}
