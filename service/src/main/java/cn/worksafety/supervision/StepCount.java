package cn.worksafety.supervision;

import org.eclipse.microprofile.graphql.NonNull;

/** How many of a unit's open alerts stand at a step. */
public record StepCount(@NonNull SupervisionStep step, @NonNull int count) {
}
