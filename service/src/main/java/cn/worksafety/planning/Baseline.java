package cn.worksafety.planning;

import java.util.List;

import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.Period;

/**
 * The baseline of a relative target: one period ({@code 2020}) or an inclusive range of periods
 * of one kind ({@code 2016..2020}), whose value is the mean of the observations of every period in
 * the range. A "5-year average" baseline is the range of those five years.
 */
public record Baseline(Period first, Period last) {

    /** Longest range accepted: twenty years of months. */
    static final int MAX_PERIODS = 240;

    /** Parses {@code text} for an indicator observed per {@code kind}; BAD_USER_INPUT naming the field otherwise. */
    public static Baseline parse(String text, Period.Kind kind, String field) {
        String trimmed = text.strip();
        int dots = trimmed.indexOf("..");
        Period first = Period.parse(dots < 0 ? trimmed : trimmed.substring(0, dots), field);
        Period last = dots < 0 ? first : Period.parse(trimmed.substring(dots + 2), field);
        if (first.kind() != kind || last.kind() != kind) {
            throw new InvalidInput("'" + field + "' must name " + kind + " periods, as the indicator's observations do: " + text + ".");
        }
        if (last.compareTo(first) < 0) {
            throw new InvalidInput("'" + field + "' is a range that ends before it starts: " + text + ".");
        }
        Baseline baseline = new Baseline(first, last);
        if (baseline.periods().size() > MAX_PERIODS) {
            throw new InvalidInput("'" + field + "' spans more than " + MAX_PERIODS + " periods: " + text + ".");
        }
        return baseline;
    }

    public List<Period> periods() {
        return first.through(last);
    }

    /** The canonical form: {@code 2020} or {@code 2016..2020}. */
    public String key() {
        return first.equals(last) ? first.key() : first.key() + ".." + last.key();
    }
}
