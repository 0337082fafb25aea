package cn.worksafety.duty;

import cn.worksafety.common.Period;

/** How often a duty recurs: the kind of period its rule counts events in (weeks are ISO weeks). */
public enum DutyFrequency {
    WEEK(Period.Kind.WEEK),
    MONTH(Period.Kind.MONTH),
    QUARTER(Period.Kind.QUARTER),
    HALF_YEAR(Period.Kind.HALF),
    YEAR(Period.Kind.YEAR);

    private final Period.Kind periodKind;

    DutyFrequency(Period.Kind periodKind) {
        this.periodKind = periodKind;
    }

    public Period.Kind periodKind() {
        return periodKind;
    }
}
