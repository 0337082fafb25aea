package cn.worksafety.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/**
 * A calendar period named by its key (RULES.md: Periods): {@code 2026} (year), {@code 2026-H1} /
 * {@code 2026-H2} (half), {@code 2026-Q1} … {@code 2026-Q4} (quarter), {@code 2026-03} (month),
 * {@code 2026-W01} … {@code 2026-W53} (ISO week: Monday to Sunday, numbered within its ISO
 * week-based year, so 2026-W53 ends on 2027-01-03 and 2027-01-01 lies in 2026-W53).
 * Dates are calendar dates; the zone is the caller's concern (the service's {@code Clock}).
 * Shared by plan indicators (observations per period), committees (meetings per period) and
 * recurring duties (events per period; SQL twin: duty_period_* of V16__duty.sql).
 */
public record Period(Kind kind, int year, int index) implements Comparable<Period> {

    /** What a period key names. */
    @Name("PeriodKind")
    @Description("The length of a period: YEAR (2026), HALF (2026-H1), QUARTER (2026-Q3), MONTH (2026-03), WEEK (ISO week, 2026-W14).")
    public enum Kind {
        YEAR(1, 12),
        HALF(2, 6),
        QUARTER(4, 3),
        MONTH(12, 1),
        /** An ISO week; a week-based year has 52 or 53 of them. */
        WEEK(53, 0);

        private final int perYear;
        private final int months;

        Kind(int perYear, int months) {
            this.perYear = perYear;
            this.months = months;
        }

        /** How many periods of this kind a year has at most (weeks: 53). */
        public int perYear() {
            return perYear;
        }

        /** How many periods of this kind the year has (the ISO week-based year for weeks). */
        public int count(int year) {
            return this == WEEK ? LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) : perYear;
        }

        /** How many months one period of this kind spans; 0 for weeks. */
        public int months() {
            return months;
        }
    }

    private static final Pattern KEY = Pattern.compile("^([1-9][0-9]{3})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])|W(0[1-9]|[1-4][0-9]|5[0-3])))?$");

    public Period {
        if (kind == null || year < 0 || year > 9999 || index < 1 || index > kind.count(year)) {
            throw new IllegalArgumentException("No such period: " + kind + " " + year + " #" + index);
        }
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, year, 1);
    }

    /**
     * Parses a period key, or fails with BAD_USER_INPUT naming {@code field} and the accepted forms.
     * Keys are exact: a four-digit year from 1000, upper-case H and Q, two-digit months, no spaces.
     */
    public static Period parse(String key, String field) {
        Period period = key == null ? null : tryParse(key);
        if (period == null) {
            throw new InvalidInput("'" + field + "' is not a period key: " + key
                    + ". Use a year (2026), a half (2026-H1), a quarter (2026-Q3), a month (2026-03) or an ISO week (2026-W14).");
        }
        return period;
    }

    public static Period parse(String key) {
        return parse(key, "period");
    }

    /** The period a key names, or null when it names none. */
    public static Period tryParse(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new Period(Kind.HALF, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Period(Kind.QUARTER, year, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return new Period(Kind.MONTH, year, Integer.parseInt(m.group(4)));
        }
        if (m.group(5) != null) {
            int week = Integer.parseInt(m.group(5));
            // W53 exists only in long ISO years (2026 has it, 2027 does not).
            return week > Kind.WEEK.count(year) ? null : new Period(Kind.WEEK, year, week);
        }
        return year(year);
    }

    public static boolean isValid(String key) {
        return key != null && tryParse(key) != null;
    }

    /** The period of {@code kind} that contains {@code date}. */
    public static Period containing(LocalDate date, Kind kind) {
        if (kind == Kind.WEEK) {
            return new Period(kind, date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        return new Period(kind, date.getYear(), (date.getMonthValue() - 1) / kind.months() + 1);
    }

    /** Every period of {@code kind} in {@code year}, in order (e.g. the four quarters; weeks: those of the ISO year). */
    public static List<Period> ofYear(int year, Kind kind) {
        List<Period> periods = new ArrayList<>(kind.count(year));
        for (int i = 1; i <= kind.count(year); i++) {
            periods.add(new Period(kind, year, i));
        }
        return periods;
    }

    /** The key, as clients write it. */
    public String key() {
        return switch (kind) {
            case YEAR -> String.format("%04d", year);
            case HALF -> String.format("%04d-H%d", year, index);
            case QUARTER -> String.format("%04d-Q%d", year, index);
            case MONTH -> String.format("%04d-%02d", year, index);
            case WEEK -> String.format("%04d-W%02d", year, index);
        };
    }

    /** The first day of the period (a Monday for weeks). */
    public LocalDate start() {
        if (kind == Kind.WEEK) {
            // 4 January is always in week 1 of its ISO year.
            return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, index).with(DayOfWeek.MONDAY);
        }
        return LocalDate.of(year, (index - 1) * kind.months() + 1, 1);
    }

    /** The last day of the period (inclusive). */
    public LocalDate end() {
        return kind == Kind.WEEK ? start().plusDays(6) : start().plusMonths(kind.months()).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public Period next() {
        return index == kind.count(year) ? new Period(kind, year + 1, 1) : new Period(kind, year, index + 1);
    }

    public Period previous() {
        return index == 1 ? new Period(kind, year - 1, kind.count(year - 1)) : new Period(kind, year, index - 1);
    }

    /** This period and the following ones of the same kind up to {@code last} inclusive; empty when last is earlier. */
    public List<Period> through(Period last) {
        if (last.kind != kind) {
            throw new IllegalArgumentException("Periods of different kinds: " + this + ", " + last);
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = this; p.compareTo(last) <= 0; p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    /** Chronological: by first day, then the shorter period first. */
    @Override
    public int compareTo(Period other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : end().compareTo(other.end());
    }

    @Override
    public String toString() {
        return key();
    }
}
