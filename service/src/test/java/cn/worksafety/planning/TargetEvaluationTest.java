package cn.worksafety.planning;

import static cn.worksafety.planning.IndicatorStatus.MET;
import static cn.worksafety.planning.IndicatorStatus.NOT_MET;
import static cn.worksafety.planning.IndicatorStatus.NO_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.Period;
import cn.worksafety.common.Period.Kind;

class TargetEvaluationTest {

    private static Target target(TargetComparator comparator, double value, String baseline, Integer averageYears) {
        Target target = new Target();
        target.comparator = comparator;
        target.value = value;
        target.baselinePeriod = baseline;
        target.averageYears = averageYears;
        return target;
    }

    private static IndicatorStatus status(Target target, Object... periodsAndValues) {
        Map<Period, BigDecimal> series = new LinkedHashMap<>();
        for (int i = 0; i < periodsAndValues.length; i += 2) {
            series.put(Period.parse((String) periodsAndValues[i]), BigDecimal.valueOf(((Number) periodsAndValues[i + 1]).doubleValue()));
        }
        return TargetEvaluation.evaluate(target, Kind.YEAR, series);
    }

    private static void check(TargetComparator comparator, double bound, IndicatorStatus at, IndicatorStatus above, IndicatorStatus below) {
        Target t = target(comparator, bound, null, null);
        assertEquals(at, status(t, "2024", bound), comparator + " at");
        assertEquals(above, status(t, "2024", bound + 0.0001), comparator + " just above");
        assertEquals(below, status(t, "2024", bound - 0.0001), comparator + " just below");
    }

    @Test
    void absoluteComparatorsAtAndAroundTheirThreshold() {
        check(TargetComparator.LT, 0.01, NOT_MET, NOT_MET, MET);
        check(TargetComparator.LE, 0.01, MET, NOT_MET, MET);
        check(TargetComparator.GT, 2.5, NOT_MET, MET, NOT_MET);
        check(TargetComparator.GE, 95, MET, MET, NOT_MET);
        check(TargetComparator.EQ, 0, MET, NOT_MET, NOT_MET);
    }

    @Test
    void decreaseByPercentIsLatestAtMostBaselineTimesOneMinusP() {
        Target down10 = target(TargetComparator.DECREASE_BY_PERCENT, 10, "2020", null);
        assertEquals(MET, status(down10, "2020", 30, "2024", 27));
        assertEquals(NOT_MET, status(down10, "2020", 30, "2024", 27.0001));
        assertEquals(MET, status(down10, "2020", 30, "2024", 26.9999));
        // 3.3 × 0.9 is 2.9699999999999998 in binary floating point; decimal arithmetic keeps it 2.97.
        assertEquals(MET, status(down10, "2020", 3.3, "2024", 2.97));
    }

    @Test
    void increaseByPercentIsLatestAtLeastBaselineTimesOnePlusP() {
        Target up10 = target(TargetComparator.INCREASE_BY_PERCENT, 10, "2020", null);
        // 1.1 × 1.1 is 1.2100000000000002 in binary floating point.
        assertEquals(MET, status(up10, "2020", 1.1, "2024", 1.21));
        assertEquals(MET, status(up10, "2020", 1.1, "2024", 1.2101));
        assertEquals(NOT_MET, status(up10, "2020", 1.1, "2024", 1.2099));
    }

    @Test
    void relativeTargetsNeedTheBaselineAndALaterObservation() {
        Target down20 = target(TargetComparator.DECREASE_BY_PERCENT, 20, "2018", null);
        assertEquals(NO_DATA, status(down20));
        assertEquals(NO_DATA, status(down20, "2019", 5), "no 2018 observation");
        assertEquals(NO_DATA, status(down20, "2018", 10), "nothing after the baseline");
        assertEquals(NO_DATA, status(down20, "2017", 1, "2018", 10), "nothing after the baseline");
        assertEquals(MET, status(down20, "2018", 10, "2019", 8));
        assertEquals(NOT_MET, status(down20, "2018", 10, "2019", 9));
    }

    @Test
    void aBaselineRangeIsTheMeanOfItsPeriods() {
        Target down10OnFiveYearAverage = target(TargetComparator.DECREASE_BY_PERCENT, 10, "2016..2020", null);
        Object[] baseline = { "2016", 10, "2017", 20, "2018", 30, "2019", 40, "2020", 50 }; // mean 30
        assertEquals(MET, status(down10OnFiveYearAverage, append(baseline, "2021", 27)));
        assertEquals(NOT_MET, status(down10OnFiveYearAverage, append(baseline, "2021", 27.01)));
        assertEquals(NO_DATA, status(down10OnFiveYearAverage, "2016", 10, "2017", 20, "2019", 40, "2020", 50, "2021", 1),
                "2018 missing");
    }

    @Test
    void averageYearsComparesTheMeanOfTheLatestYears() {
        Target fiveYearMeanBelowOne = target(TargetComparator.LT, 1, null, 5);
        assertEquals(MET, status(fiveYearMeanBelowOne, "2021", 0.5, "2022", 1.5, "2023", 1, "2024", 0.8, "2025", 0.9)); // 0.94
        assertEquals(NOT_MET, status(fiveYearMeanBelowOne, "2021", 1.2, "2022", 1.5, "2023", 1, "2024", 0.8, "2025", 0.5)); // 1.0
        assertEquals(NO_DATA, status(fiveYearMeanBelowOne, "2022", 0.1, "2023", 0.1, "2024", 0.1, "2025", 0.1), "only four years");
        assertEquals(MET, status(fiveYearMeanBelowOne, "2020", 9, "2021", 0.5, "2022", 0.5, "2023", 0.5, "2024", 0.5, "2025", 0.5),
                "the window slides to the latest five years");
    }

    @Test
    void latestIsTheLatestPeriodWhateverTheRecordingOrder() {
        Target lt = target(TargetComparator.LT, 1, null, null);
        assertEquals(MET, status(lt, "2025", 0.5, "2021", 3));
        assertEquals(NOT_MET, status(lt, "2021", 0.5, "2025", 3));
    }

    @Test
    void observationsOfAnotherKindAreIgnored() {
        Target lt = target(TargetComparator.LT, 1, null, null);
        Map<Period, BigDecimal> series = Map.of(Period.parse("2025-Q3"), BigDecimal.ONE, Period.parse("2025-Q4"), BigDecimal.ZERO,
                Period.parse("2026"), BigDecimal.TEN);
        assertEquals(MET, TargetEvaluation.evaluate(lt, Kind.QUARTER, series));
    }

    @Test
    void baselineRangesParseAndCheckTheirKind() {
        assertEquals("2016..2020", Baseline.parse(" 2016..2020 ", Kind.YEAR, "b").key());
        assertEquals("2020", Baseline.parse("2020", Kind.YEAR, "b").key());
        assertEquals("2020", Baseline.parse("2020..2020", Kind.YEAR, "b").key());
        assertEquals(4, Baseline.parse("2025-Q1..2025-Q4", Kind.QUARTER, "b").periods().size());
        assertThrows(InvalidInput.class, () -> Baseline.parse("2020-Q1", Kind.YEAR, "b"));
        assertThrows(InvalidInput.class, () -> Baseline.parse("2020..2016", Kind.YEAR, "b"));
        assertThrows(InvalidInput.class, () -> Baseline.parse("2016...2020", Kind.YEAR, "b"));
        assertThrows(InvalidInput.class, () -> Baseline.parse("2016..2020-Q1", Kind.YEAR, "b"));
        assertThrows(InvalidInput.class, () -> Baseline.parse("last year", Kind.YEAR, "b"));
    }

    private static Object[] append(Object[] head, Object... tail) {
        Object[] all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
