package cn.worksafety.committee;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * How one period measures up to a committee's rule: PLENARY meetings required and held; a period
 * still running is compliant until it ends.
 */
@Description("One period of a committee's rule: PLENARY meetings required and held. Required is 0 for a period "
        + "that started before the committee was established; a period still running is compliant until it ends.")
public record PeriodCompliance(@NonNull String period, @NonNull int required, @NonNull int held, @NonNull boolean compliant) {
}
