package cn.worksafety.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.worksafety.common.Period.Kind;

class PeriodTest {

    @Test
    void parsesEveryKindOfKeyWithItsDates() {
        Period year = Period.parse("2026");
        assertEquals(Kind.YEAR, year.kind());
        assertEquals(LocalDate.of(2026, 1, 1), year.start());
        assertEquals(LocalDate.of(2026, 12, 31), year.end());

        Period half = Period.parse("2026-H2");
        assertEquals(Kind.HALF, half.kind());
        assertEquals(LocalDate.of(2026, 7, 1), half.start());
        assertEquals(LocalDate.of(2026, 12, 31), half.end());

        Period quarter = Period.parse("2026-Q1");
        assertEquals(Kind.QUARTER, quarter.kind());
        assertEquals(LocalDate.of(2026, 1, 1), quarter.start());
        assertEquals(LocalDate.of(2026, 3, 31), quarter.end());

        Period month = Period.parse("2026-03");
        assertEquals(Kind.MONTH, month.kind());
        assertEquals(3, month.index());
        assertEquals(LocalDate.of(2026, 3, 1), month.start());
        assertEquals(LocalDate.of(2026, 3, 31), month.end());
    }

    @Test
    void monthAndQuarterEndsFollowTheCalendarIncludingLeapYears() {
        assertEquals(LocalDate.of(2024, 2, 29), Period.parse("2024-02").end());
        assertEquals(LocalDate.of(2026, 2, 28), Period.parse("2026-02").end());
        assertEquals(LocalDate.of(2026, 6, 30), Period.parse("2026-Q2").end());
        assertEquals(LocalDate.of(2026, 9, 30), Period.parse("2026-Q3").end());
        assertEquals(LocalDate.of(2026, 6, 30), Period.parse("2026-H1").end());
    }

    @Test
    void keysRoundTrip() {
        for (String key : List.of("2026", "2026-H1", "2026-H2", "2026-Q1", "2026-Q4", "2026-01", "2026-10", "2026-12")) {
            assertEquals(key, Period.parse(key).key());
        }
    }

    @Test
    void malformedKeysAreRejectedAsBadUserInput() {
        for (String key : List.of("", "26", "20260", "2026-H3", "2026-H0", "2026-Q0", "2026-Q5", "2026-13", "2026-00", "2026-3",
                "2026-q3", "2026-h1", " 2026", "2026 ", "2026-", "2026-W00", "2026-W54", "2027-W53", "2026-w01", "2026-W1", "2026/03", "0999", "2016..2020")) {
            assertNull(Period.tryParse(key), key);
            assertFalse(Period.isValid(key), key);
            InvalidInput error = assertThrows(InvalidInput.class, () -> Period.parse(key, "period"), key);
            assertTrue(error.getMessage().contains("'period'"));
            assertEquals("BAD_USER_INPUT", error.code());
        }
        assertThrows(InvalidInput.class, () -> Period.parse(null, "period"));
    }

    @Test
    void listsThePeriodsOfAYearForEachKind() {
        assertEquals(List.of("2026"), keys(Period.ofYear(2026, Kind.YEAR)));
        assertEquals(List.of("2026-H1", "2026-H2"), keys(Period.ofYear(2026, Kind.HALF)));
        assertEquals(List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"), keys(Period.ofYear(2026, Kind.QUARTER)));
        List<Period> months = Period.ofYear(2026, Kind.MONTH);
        assertEquals(12, months.size());
        assertEquals("2026-01", months.get(0).key());
        assertEquals("2026-12", months.get(11).key());
    }

    @Test
    void periodsOfAYearTileItWithoutGapsOrOverlaps() {
        for (Kind kind : Kind.values()) {
            if (kind == Kind.WEEK) {
                continue; // ISO weeks tile the week-based year: isoWeeksFollowTheWeekBasedYear
            }
            List<Period> periods = Period.ofYear(2024, kind);
            assertEquals(LocalDate.of(2024, 1, 1), periods.get(0).start());
            assertEquals(LocalDate.of(2024, 12, 31), periods.get(periods.size() - 1).end());
            for (int i = 1; i < periods.size(); i++) {
                assertEquals(periods.get(i - 1).end().plusDays(1), periods.get(i).start());
            }
        }
    }

    @Test
    void containingFindsThePeriodOfADate() {
        LocalDate date = LocalDate.of(2026, 8, 15);
        assertEquals("2026", Period.containing(date, Kind.YEAR).key());
        assertEquals("2026-H2", Period.containing(date, Kind.HALF).key());
        assertEquals("2026-Q3", Period.containing(date, Kind.QUARTER).key());
        assertEquals("2026-08", Period.containing(date, Kind.MONTH).key());
        assertTrue(Period.parse("2026-Q3").contains(LocalDate.of(2026, 9, 30)));
        assertFalse(Period.parse("2026-Q3").contains(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void nextPreviousAndThroughCrossYearBoundaries() {
        assertEquals("2027-Q1", Period.parse("2026-Q4").next().key());
        assertEquals("2025-12", Period.parse("2026-01").previous().key());
        assertEquals("2027", Period.parse("2026").next().key());
        assertEquals(List.of("2016", "2017", "2018", "2019", "2020"), keys(Period.parse("2016").through(Period.parse("2020"))));
        assertEquals(List.of("2025-H2", "2026-H1"), keys(Period.parse("2025-H2").through(Period.parse("2026-H1"))));
        assertTrue(Period.parse("2026").through(Period.parse("2025")).isEmpty());
    }

    @Test
    void ordersChronologically() {
        assertTrue(Period.parse("2025-12").compareTo(Period.parse("2026-01")) < 0);
        assertTrue(Period.parse("2026-Q2").compareTo(Period.parse("2026-Q1")) > 0);
        assertTrue(Period.parse("2026-01").compareTo(Period.parse("2026")) < 0, "same start: the shorter first");
    }

    @Test
    void isoWeeksFollowTheWeekBasedYear() {
        Period w53 = Period.parse("2026-W53");
        assertEquals(Kind.WEEK, w53.kind());
        assertEquals(LocalDate.of(2026, 12, 28), w53.start());
        assertEquals(LocalDate.of(2027, 1, 3), w53.end());
        assertEquals("2026-W53", Period.containing(LocalDate.of(2027, 1, 1), Kind.WEEK).key());
        assertEquals("2027-W01", w53.next().key());
        assertEquals("2026-W53", Period.parse("2027-W01").previous().key());
        assertEquals(LocalDate.of(2026, 1, 4), Period.parse("2026-W01").end(), "2026 starts on a Thursday: W01 is 29 Dec 2025 to 4 Jan");
        assertEquals("2026-W01", Period.containing(LocalDate.of(2025, 12, 29), Kind.WEEK).key());
        assertEquals(53, Period.ofYear(2026, Kind.WEEK).size());
        assertEquals(52, Period.ofYear(2027, Kind.WEEK).size());
        List<Period> weeks = Period.ofYear(2026, Kind.WEEK);
        for (int i = 1; i < weeks.size(); i++) {
            assertEquals(weeks.get(i - 1).end().plusDays(1), weeks.get(i).start());
        }
        for (String key : List.of("2026-W01", "2026-W09", "2026-W10", "2026-W53", "2020-W53")) {
            assertEquals(key, Period.parse(key).key());
        }
    }

    private static List<String> keys(List<Period> periods) {
        return periods.stream().map(Period::key).toList();
    }
}
