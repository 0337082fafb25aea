package cn.worksafety.committee;

import cn.worksafety.common.Period;

/** How often a committee must meet: the kind of period its rule counts in. */
public enum Frequency {
    MONTHLY(Period.Kind.MONTH),
    QUARTERLY(Period.Kind.QUARTER),
    SEMIANNUAL(Period.Kind.HALF),
    ANNUAL(Period.Kind.YEAR);

    private final Period.Kind periodKind;

    Frequency(Period.Kind periodKind) {
        this.periodKind = periodKind;
    }

    /** The periods the rule counts meetings in. */
    public Period.Kind periodKind() {
        return periodKind;
    }
}
