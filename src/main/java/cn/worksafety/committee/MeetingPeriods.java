package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Period arithmetic of the meeting rules (RULES.md: Periods, Committee meetings): the period of a
 * frequency that contains a date, its key ({@code 2026-03}, {@code 2026-Q3}, {@code 2026-H1},
 * {@code 2026}) and its first and last day. The MISSED_MEETING check does the same in SQL
 * (functions {@code meeting_period_*} of V7__committee.sql); tests hold the two together.
 */
public final class MeetingPeriods {

    private MeetingPeriods() {
    }

    /** One period of a frequency: its key and its first and last day (inclusive). */
    public record MeetingPeriod(Frequency frequency, String key, LocalDate start, LocalDate end) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }

        /** Started by the date (its first day is the date or earlier). */
        public boolean hasStartedBy(LocalDate date) {
            return !start.isAfter(date);
        }

        /** Over before the date: its last day is earlier than the date. */
        public boolean hasEndedBefore(LocalDate date) {
            return end.isBefore(date);
        }

        public MeetingPeriod next() {
            return containing(frequency, end.plusDays(1));
        }
    }

    /** The period of the frequency that contains the date. */
    public static MeetingPeriod containing(Frequency frequency, LocalDate date) {
        Objects.requireNonNull(frequency, "frequency");
        int months = frequency.months();
        int firstMonth = (date.getMonthValue() - 1) / months * months + 1;
        LocalDate start = LocalDate.of(date.getYear(), firstMonth, 1);
        LocalDate end = start.plusMonths(months).minusDays(1);
        return new MeetingPeriod(frequency, key(frequency, start), start, end);
    }

    /**
     * The first period a committee established on the date must meet in: the one starting that
     * day, else the next one (the first partial period is not required).
     */
    public static MeetingPeriod firstRequired(Frequency frequency, LocalDate establishedOn) {
        MeetingPeriod containing = containing(frequency, establishedOn);
        return containing.start().equals(establishedOn) ? containing : containing.next();
    }

    /** Whether the rule requires meetings in the period: it starts on or after establishment. */
    public static boolean isRequired(MeetingPeriod period, LocalDate establishedOn) {
        return !period.start().isBefore(establishedOn);
    }

    /**
     * Whether the check looks at the period as of the date: required, and ended {@code graceDays}
     * days or more before it (period end + graceDays &lt; asOf).
     */
    public static boolean isChecked(MeetingPeriod period, LocalDate establishedOn, int graceDays, LocalDate asOf) {
        return isRequired(period, establishedOn) && period.end().plusDays(graceDays).isBefore(asOf);
    }

    /** Every period of the frequency in the calendar year, in order. */
    public static List<MeetingPeriod> ofYear(Frequency frequency, int year) {
        List<MeetingPeriod> periods = new ArrayList<>(12 / frequency.months());
        for (MeetingPeriod p = containing(frequency, LocalDate.of(year, 1, 1)); p.start().getYear() == year; p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    static String key(Frequency frequency, LocalDate start) {
        int year = start.getYear();
        int month = start.getMonthValue();
        return switch (frequency) {
            case MONTHLY -> String.format("%04d-%02d", year, month);
            case QUARTERLY -> String.format("%04d-Q%d", year, (month + 2) / 3);
            case SEMIANNUAL -> String.format("%04d-H%d", year, (month + 5) / 6);
            case ANNUAL -> String.format("%04d", year);
        };
    }
}
