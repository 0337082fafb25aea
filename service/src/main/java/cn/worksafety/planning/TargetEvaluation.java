package cn.worksafety.planning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.worksafety.common.Period;

/**
 * Computes an indicator's status from its observations (RULES.md: Indicators). Pure, so every
 * comparator can be checked at its threshold without a database.
 * <ul>
 * <li>The latest observation is the one of the latest period.</li>
 * <li>The compared value is that observation's value or, with {@code averageYears = N}, the mean of the
 * observations of the N years ending with the latest one.</li>
 * <li>LT/LE/GT/GE/EQ compare it with the target value.</li>
 * <li>DECREASE_BY_PERCENT p: met when value ≤ baseline × (100 − p)/100; INCREASE_BY_PERCENT p: value ≥
 * baseline × (100 + p)/100. The baseline is the observation of the baseline period, or the mean over a
 * baseline range; the latest observation must come after the baseline.</li>
 * <li>NO_DATA when an observation this needs is missing.</li>
 * </ul>
 * Arithmetic is decimal ({@link BigDecimal#valueOf(double)}), so "down 10% from 30" is exactly 27.
 */
public final class TargetEvaluation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TargetEvaluation() {
    }

    public static IndicatorStatus evaluate(Target target, Period.Kind kind, List<Observation> observations) {
        Map<Period, BigDecimal> values = new TreeMap<>();
        for (Observation o : observations) {
            values.put(Period.parse(o.period), BigDecimal.valueOf(o.value));
        }
        return evaluate(target, kind, values);
    }

    /** The status for observations keyed by period (periods of other kinds than {@code kind} are ignored). */
    public static IndicatorStatus evaluate(Target target, Period.Kind kind, Map<Period, BigDecimal> observations) {
        TreeMap<Period, BigDecimal> series = new TreeMap<>();
        observations.forEach((period, value) -> {
            if (period.kind() == kind) {
                series.put(period, value);
            }
        });
        if (series.isEmpty()) {
            return IndicatorStatus.NO_DATA;
        }
        Period latest = series.lastKey();
        BigDecimal value = compared(target, latest, series);
        if (value == null) {
            return IndicatorStatus.NO_DATA;
        }
        BigDecimal bound = BigDecimal.valueOf(target.value);
        boolean met;
        switch (target.comparator) {
            case LT -> met = value.compareTo(bound) < 0;
            case LE -> met = value.compareTo(bound) <= 0;
            case GT -> met = value.compareTo(bound) > 0;
            case GE -> met = value.compareTo(bound) >= 0;
            case EQ -> met = value.compareTo(bound) == 0;
            case DECREASE_BY_PERCENT, INCREASE_BY_PERCENT -> {
                Baseline baseline = Baseline.parse(target.baselinePeriod, kind, "baselinePeriod");
                if (latest.compareTo(baseline.last()) <= 0) {
                    return IndicatorStatus.NO_DATA; // nothing observed after the baseline yet
                }
                BigDecimal base = mean(baseline.periods(), series);
                if (base == null) {
                    return IndicatorStatus.NO_DATA;
                }
                if (target.comparator == TargetComparator.DECREASE_BY_PERCENT) {
                    met = value.multiply(HUNDRED).compareTo(base.multiply(HUNDRED.subtract(bound))) <= 0;
                } else {
                    met = value.multiply(HUNDRED).compareTo(base.multiply(HUNDRED.add(bound))) >= 0;
                }
            }
            default -> throw new IllegalStateException("Unknown comparator " + target.comparator);
        }
        return met ? IndicatorStatus.MET : IndicatorStatus.NOT_MET;
    }

    /** The latest value, or the mean of the latest averageYears years; null when one of them is missing. */
    private static BigDecimal compared(Target target, Period latest, Map<Period, BigDecimal> series) {
        if (target.averageYears == null || target.averageYears <= 1) {
            return series.get(latest);
        }
        Period first = Period.year(latest.year() - target.averageYears + 1);
        return mean(first.through(latest), series);
    }

    private static BigDecimal mean(List<Period> periods, Map<Period, BigDecimal> series) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Period p : periods) {
            BigDecimal v = series.get(p);
            if (v == null) {
                return null;
            }
            sum = sum.add(v);
        }
        // Comparisons multiply rather than divide where they can; a mean needs one division.
        return periods.size() == 1 ? sum : sum.divide(BigDecimal.valueOf(periods.size()), MathContext.DECIMAL128);
    }
}
