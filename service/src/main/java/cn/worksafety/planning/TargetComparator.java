package cn.worksafety.planning;

import org.eclipse.microprofile.graphql.Name;

/**
 * How a target compares the observed value: against the target value (LT … EQ), or against the
 * value of the baseline period, by a percentage (DECREASE_BY_PERCENT: latest ≤ baseline × (1 − value/100)).
 */
@Name("Comparator")
public enum TargetComparator {
    LT,
    LE,
    GT,
    GE,
    EQ,
    DECREASE_BY_PERCENT,
    INCREASE_BY_PERCENT;

    public boolean relative() {
        return this == DECREASE_BY_PERCENT || this == INCREASE_BY_PERCENT;
    }
}
