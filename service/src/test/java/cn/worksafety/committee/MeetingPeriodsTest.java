package cn.worksafety.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.worksafety.common.Period;

class MeetingPeriodsTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void keysAndBoundsPerFrequency() {
        assertPeriod("2026-03", d("2026-03-01"), d("2026-03-31"), MeetingPeriods.containing(Frequency.MONTHLY, d("2026-03-17")));
        assertPeriod("2024-02", d("2024-02-01"), d("2024-02-29"), MeetingPeriods.containing(Frequency.MONTHLY, d("2024-02-29")));
        assertPeriod("2026-Q3", d("2026-07-01"), d("2026-09-30"), MeetingPeriods.containing(Frequency.QUARTERLY, d("2026-09-30")));
        assertPeriod("2026-Q1", d("2026-01-01"), d("2026-03-31"), MeetingPeriods.containing(Frequency.QUARTERLY, d("2026-01-01")));
        assertPeriod("2026-H1", d("2026-01-01"), d("2026-06-30"), MeetingPeriods.containing(Frequency.SEMIANNUAL, d("2026-06-30")));
        assertPeriod("2026-H2", d("2026-07-01"), d("2026-12-31"), MeetingPeriods.containing(Frequency.SEMIANNUAL, d("2026-07-01")));
        assertPeriod("2026", d("2026-01-01"), d("2026-12-31"), MeetingPeriods.containing(Frequency.ANNUAL, d("2026-12-31")));
    }

    @Test
    void nextCrossesTheYear() {
        assertEquals("2027-01", MeetingPeriods.containing(Frequency.MONTHLY, d("2026-12-05")).next().key());
        assertEquals("2027-Q1", MeetingPeriods.containing(Frequency.QUARTERLY, d("2026-11-05")).next().key());
        assertEquals("2027-H1", MeetingPeriods.containing(Frequency.SEMIANNUAL, d("2026-11-05")).next().key());
        assertEquals("2027", MeetingPeriods.containing(Frequency.ANNUAL, d("2026-11-05")).next().key());
    }

    @Test
    void firstRequiredPeriodSkipsAPartialOne() {
        assertEquals("2025-04", MeetingPeriods.firstRequired(Frequency.MONTHLY, d("2025-03-15")).key());
        assertEquals("2025-03", MeetingPeriods.firstRequired(Frequency.MONTHLY, d("2025-03-01")).key());
        assertEquals("2025-Q2", MeetingPeriods.firstRequired(Frequency.QUARTERLY, d("2025-01-02")).key());
        assertEquals("2025-Q1", MeetingPeriods.firstRequired(Frequency.QUARTERLY, d("2025-01-01")).key());
        assertEquals("2026-H1", MeetingPeriods.firstRequired(Frequency.SEMIANNUAL, d("2025-07-02")).key());
        assertEquals("2026", MeetingPeriods.firstRequired(Frequency.ANNUAL, d("2025-01-02")).key());
    }

    @Test
    void aPeriodIsCheckedOnlyAfterItsGraceDays() {
        Period q3 = MeetingPeriods.containing(Frequency.QUARTERLY, d("2025-08-01"));
        LocalDate established = d("2025-01-01");
        assertFalse(MeetingPeriods.isChecked(q3, established, 0, d("2025-09-30")), "the last day is still inside");
        assertTrue(MeetingPeriods.isChecked(q3, established, 0, d("2025-10-01")));
        assertFalse(MeetingPeriods.isChecked(q3, established, 10, d("2025-10-10")), "end + grace must be before asOf");
        assertTrue(MeetingPeriods.isChecked(q3, established, 10, d("2025-10-11")));
        assertFalse(MeetingPeriods.isChecked(q3, d("2025-07-02"), 0, d("2026-01-01")), "started before establishment");
        assertTrue(MeetingPeriods.isChecked(q3, d("2025-07-01"), 0, d("2026-01-01")), "starts on the day of establishment");
    }

    @Test
    void periodsOfAYear() {
        assertEquals(12, MeetingPeriods.ofYear(Frequency.MONTHLY, 2025).size());
        assertEquals("2025-12", MeetingPeriods.ofYear(Frequency.MONTHLY, 2025).get(11).key());
        assertEquals(List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"),
                MeetingPeriods.ofYear(Frequency.QUARTERLY, 2025).stream().map(Period::key).toList());
        assertEquals(List.of("2025-H1", "2025-H2"),
                MeetingPeriods.ofYear(Frequency.SEMIANNUAL, 2025).stream().map(Period::key).toList());
        assertEquals(List.of("2025"), MeetingPeriods.ofYear(Frequency.ANNUAL, 2025).stream().map(Period::key).toList());
        Period h2 = MeetingPeriods.ofYear(Frequency.SEMIANNUAL, 2025).get(1);
        assertTrue(h2.contains(d("2025-07-01")) && h2.contains(d("2025-12-31")) && !h2.contains(d("2026-01-01")));
    }

    private static void assertPeriod(String key, LocalDate start, LocalDate end, Period period) {
        assertEquals(key, period.key());
        assertEquals(start, period.start(), key);
        assertEquals(end, period.end(), key);
    }
}
