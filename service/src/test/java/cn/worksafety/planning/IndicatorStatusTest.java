package cn.worksafety.planning;

import static cn.worksafety.planning.PlanningApi.create;
import static cn.worksafety.planning.PlanningApi.indicator;
import static cn.worksafety.planning.PlanningApi.record;
import static cn.worksafety.planning.PlanningApi.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Status computed over HTTP: every comparator at, just above and just below its threshold, relative targets and averages. */
@QuarkusTest
class IndicatorStatusTest {

    private final String admin = Tokens.admin();

    @Test
    void everyComparatorAtJustAboveAndJustBelowItsThreshold() {
        String issuer = Fixtures.department(Fixtures.county()).id();
        // {comparator, target value, baseline (relative only), observed at / above / below, expected at / above / below}
        Object[][] cases = {
                { "LT", 0.01, null, new double[] { 0.01, 0.0101, 0.0099 }, List.of("NOT_MET", "NOT_MET", "MET") },
                { "LE", 1.35, null, new double[] { 1.35, 1.3501, 1.3499 }, List.of("MET", "NOT_MET", "MET") },
                { "GT", 2.5, null, new double[] { 2.5, 2.5001, 2.4999 }, List.of("NOT_MET", "MET", "NOT_MET") },
                { "GE", 95.0, null, new double[] { 95, 95.0001, 94.9999 }, List.of("MET", "MET", "NOT_MET") },
                { "EQ", 0.0, null, new double[] { 0, 0.0001, -0.0001 }, List.of("MET", "NOT_MET", "NOT_MET") },
                // down 10% from 3.3 means at most 2.97 (3.3 × 0.9 is 2.9699999999999998 in binary floating point)
                { "DECREASE_BY_PERCENT", 10.0, 3.3, new double[] { 2.97, 2.9701, 2.9699 }, List.of("MET", "NOT_MET", "MET") },
                // up 10% from 1.1 means at least 1.21 (1.1 × 1.1 is 1.2100000000000002 in binary floating point)
                { "INCREASE_BY_PERCENT", 10.0, 1.1, new double[] { 1.21, 1.2101, 1.2099 }, List.of("MET", "MET", "NOT_MET") },
        };
        List<Map<String, Object>> rows = new ArrayList<>();
        int sequence = 1;
        for (Object[] c : cases) {
            for (int i = 0; i < 3; i++) {
                rows.add(c[2] == null ? indicator(sequence++, (String) c[0], (double) c[1])
                        : indicator(sequence++, (String) c[0], (double) c[1], "baselinePeriod", "2020"));
            }
        }
        List<String> ids = create(admin, issuer, rows);
        List<String> expected = new ArrayList<>();
        int n = 1;
        for (Object[] c : cases) {
            double[] observed = (double[]) c[3];
            for (int i = 0; i < 3; i++) {
                if (c[2] != null) {
                    record(admin, ids.get(n), "2020", (double) c[2]);
                }
                record(admin, ids.get(n), "2024", observed[i]);
                n++;
            }
            @SuppressWarnings("unchecked")
            List<String> statuses = (List<String>) c[4];
            expected.addAll(statuses);
        }
        assertEquals(expected, statuses(admin, ids.get(0)));
    }

    @Test
    void relativeTargetIsNoDataUntilBothTheBaselineAndALaterPeriodAreObserved() {
        String issuer = Fixtures.department(Fixtures.county()).id();
        List<String> ids = create(admin, issuer, List.of(indicator(1, "DECREASE_BY_PERCENT", 20, "baselinePeriod", "2018")));
        String plan = ids.get(0);
        String deaths = ids.get(1);
        assertEquals(List.of("NO_DATA"), statuses(admin, plan));
        record(admin, deaths, "2019", 8);
        assertEquals(List.of("NO_DATA"), statuses(admin, plan), "no 2018 observation to compare with");
        record(admin, deaths, "2018", 10);
        assertEquals(List.of("MET"), statuses(admin, plan), "8 is down 20% from 10");
        record(admin, deaths, "2019", 9);
        assertEquals(List.of("NOT_MET"), statuses(admin, plan));
    }

    @Test
    void relativeTargetWithOnlyTheBaselineObservedIsNoData() {
        String issuer = Fixtures.department(Fixtures.county()).id();
        List<String> ids = create(admin, issuer, List.of(indicator(1, "INCREASE_BY_PERCENT", 5, "baselinePeriod", "2020")));
        record(admin, ids.get(1), "2020", 100);
        assertEquals(List.of("NO_DATA"), statuses(admin, ids.get(0)));
    }

    @Test
    void fiveYearAverageBaselineIsTheMeanOfTheRange() {
        String issuer = Fixtures.department(Fixtures.county()).id();
        List<String> ids = create(admin, issuer, List.of(indicator(1, "DECREASE_BY_PERCENT", 10, "baselinePeriod", "2016..2020")));
        String indicator = ids.get(1);
        record(admin, indicator, "2016", 10);
        record(admin, indicator, "2017", 20);
        record(admin, indicator, "2019", 40);
        record(admin, indicator, "2020", 50);
        record(admin, indicator, "2021", 27);
        assertEquals(List.of("NO_DATA"), statuses(admin, ids.get(0)), "2018 of the baseline range is missing");
        record(admin, indicator, "2018", 30);
        assertEquals(List.of("MET"), statuses(admin, ids.get(0)), "27 is down 10% from the 2016-2020 mean of 30");
        record(admin, indicator, "2021", 27.5);
        assertEquals(List.of("NOT_MET"), statuses(admin, ids.get(0)));
    }

    @Test
    void averageYearsTargetComparesTheMeanOfTheLatestFiveYears() {
        String issuer = Fixtures.department(Fixtures.county()).id();
        List<String> ids = create(admin, issuer, List.of(indicator(1, "LT", 1, "averageYears", 5, "wording", "<1%(5年平均)")));
        String indicator = ids.get(1);
        double[] values = { 0.5, 1.5, 1, 0.8 };
        for (int i = 0; i < values.length; i++) {
            record(admin, indicator, String.valueOf(2021 + i), values[i]);
        }
        assertEquals(List.of("NO_DATA"), statuses(admin, ids.get(0)), "four of five years");
        record(admin, indicator, "2025", 0.9);
        assertEquals(List.of("MET"), statuses(admin, ids.get(0)), "mean 0.94");
        record(admin, indicator, "2025", 1.2);
        assertEquals(List.of("NOT_MET"), statuses(admin, ids.get(0)), "mean 1.0");
    }

    @Test
    void quarterlyIndicatorUsesItsLatestQuarter() {
        String issuer = Fixtures.department(Fixtures.county()).id();
        List<String> ids = create(admin, issuer, List.of(indicator(1, "GE", 100, "periodKind", "QUARTER")));
        record(admin, ids.get(1), "2025-Q4", 100);
        record(admin, ids.get(1), "2025-Q3", 80);
        assertEquals(List.of("MET"), statuses(admin, ids.get(0)), "2025-Q4 is the latest whatever the recording order");
    }
}
