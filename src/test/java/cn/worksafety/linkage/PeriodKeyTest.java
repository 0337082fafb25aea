package cn.worksafety.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.worksafety.common.InvalidInput;

class PeriodKeyTest {

    @Test
    void everyKindOfKeyCoversItsCalendarDays() {
        assertEquals(new PeriodKey("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), PeriodKey.parse("2026", "p"));
        assertEquals(new PeriodKey("2026-H2", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)), PeriodKey.parse("2026-H2", "p"));
        assertEquals(new PeriodKey("2026-Q1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), PeriodKey.parse(" 2026-Q1 ", "p"));
        assertEquals(new PeriodKey("2024-02", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)), PeriodKey.parse("2024-02", "p"));
    }

    @Test
    void malformedKeysAreBadUserInput() {
        for (String key : new String[] { "", "26", "2026-Q5", "2026-H3", "2026-13", "2026-00", "2026-1", "2026Q1" }) {
            assertThrows(InvalidInput.class, () -> PeriodKey.parse(key, "period"), key);
        }
        assertThrows(InvalidInput.class, () -> PeriodKey.parse(null, "period"));
    }
}
