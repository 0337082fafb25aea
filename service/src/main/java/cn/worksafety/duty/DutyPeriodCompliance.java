package cn.worksafety.duty;

import org.eclipse.microprofile.graphql.NonNull;

/** One period of a rule for one unit: events required and done; a period still running (or in its grace days) is compliant. */
public record DutyPeriodCompliance(@NonNull String period, @NonNull int required, @NonNull int done, @NonNull boolean compliant) {
}
