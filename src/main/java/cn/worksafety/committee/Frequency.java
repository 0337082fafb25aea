package cn.worksafety.committee;

/** How often a committee must meet: the length of the periods its rule counts in. */
public enum Frequency {
    MONTHLY(1),
    QUARTERLY(3),
    SEMIANNUAL(6),
    ANNUAL(12);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    /** Calendar months per period. */
    public int months() {
        return months;
    }
}
