package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.List;

import cn.worksafety.common.Period;

/**
 * Which periods a meeting rule requires (RULES.md: Committee meetings). The MISSED_MEETING check
 * does the same in SQL (functions {@code meeting_period_*} of V7__committee.sql); tests hold the
 * two together.
 */
public final class MeetingPeriods {

    private MeetingPeriods() {
    }

    /** The period of the frequency that contains the date. */
    public static Period containing(Frequency frequency, LocalDate date) {
        return Period.containing(date, frequency.periodKind());
    }

    /**
     * The first period a committee established on the date must meet in: the one starting that
     * day, else the next one (the first partial period is not required).
     */
    public static Period firstRequired(Frequency frequency, LocalDate establishedOn) {
        Period containing = containing(frequency, establishedOn);
        return containing.start().equals(establishedOn) ? containing : containing.next();
    }

    /** Whether the rule requires meetings in the period: it starts on or after establishment. */
    public static boolean isRequired(Period period, LocalDate establishedOn) {
        return !period.start().isBefore(establishedOn);
    }

    /**
     * Whether the check looks at the period as of the date: required, and ended {@code graceDays}
     * days or more before it (period end + graceDays &lt; asOf).
     */
    public static boolean isChecked(Period period, LocalDate establishedOn, int graceDays, LocalDate asOf) {
        return isRequired(period, establishedOn) && period.end().plusDays(graceDays).isBefore(asOf);
    }

    /** Every period of the frequency in the calendar year, in order. */
    public static List<Period> ofYear(Frequency frequency, int year) {
        return Period.ofYear(year, frequency.periodKind());
    }
}
