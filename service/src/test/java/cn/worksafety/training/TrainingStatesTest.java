package cn.worksafety.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.worksafety.organisation.PersonRole;

class TrainingStatesTest {

    private static final LocalDate JAN_31 = LocalDate.of(2025, 1, 31);

    private static TrainingRule rule(TrainingKind kind, Double minimumHours, Integer validityMonths) {
        TrainingRule rule = new TrainingRule();
        rule.role = PersonRole.ENFORCEMENT_OFFICER;
        rule.kind = kind;
        rule.minimumHours = minimumHours;
        rule.validityMonths = validityMonths;
        return rule;
    }

    private static TrainingRecord record(long id, TrainingKind kind, LocalDate completedOn, Double hours, boolean passed, LocalDate validUntil) {
        TrainingRecord record = new TrainingRecord();
        record.id = id;
        record.kind = kind;
        record.completedOn = completedOn;
        record.hours = hours;
        record.passed = passed;
        record.validUntil = validUntil;
        return record;
    }

    private static TrainingStatus refresherAsOf(LocalDate asOf) {
        return TrainingStates.evaluate(rule(TrainingKind.REFRESHER, 80.0, 12),
                List.of(record(1, TrainingKind.REFRESHER, JAN_31, 80.0, true, null)), asOf, 30);
    }

    @Test
    void refresherOfJanuary31stWithTwelveMonthsRunsThroughJanuary31stNextYear() {
        assertEquals(LocalDate.of(2026, 1, 31), refresherAsOf(LocalDate.of(2025, 6, 1)).expiresOn());
        assertEquals(TrainingState.VALID, refresherAsOf(LocalDate.of(2025, 6, 1)).state());
        assertEquals(TrainingState.VALID, refresherAsOf(LocalDate.of(2025, 12, 31)).state());
        assertEquals(TrainingState.EXPIRING, refresherAsOf(LocalDate.of(2026, 1, 1)).state());
        assertEquals(TrainingState.EXPIRING, refresherAsOf(LocalDate.of(2026, 1, 31)).state());
        assertEquals(TrainingState.EXPIRED, refresherAsOf(LocalDate.of(2026, 2, 1)).state());
    }

    @Test
    void expiryClampsToTheEndOfAShorterMonthLikePlusMonths() {
        TrainingRule monthly = rule(TrainingKind.REFRESHER, null, 1);
        TrainingRecord record = record(1, TrainingKind.REFRESHER, JAN_31, null, true, null);
        assertEquals(LocalDate.of(2025, 2, 28), TrainingStates.expiresOn(monthly, record));
        record.completedOn = LocalDate.of(2024, 1, 31);
        assertEquals(LocalDate.of(2024, 2, 29), TrainingStates.expiresOn(monthly, record));
        record.completedOn = LocalDate.of(2024, 2, 29);
        assertEquals(LocalDate.of(2025, 2, 28), TrainingStates.expiresOn(rule(TrainingKind.REFRESHER, null, 12), record));
    }

    @Test
    void onlyPassedRecordsOfTheKindWithEnoughHoursQualify() {
        TrainingRule rule = rule(TrainingKind.REFRESHER, 80.0, 12);
        assertTrue(TrainingStates.qualifies(rule, record(1, TrainingKind.REFRESHER, JAN_31, 80.0, true, null)));
        assertFalse(TrainingStates.qualifies(rule, record(1, TrainingKind.REFRESHER, JAN_31, 79.5, true, null)));
        assertFalse(TrainingStates.qualifies(rule, record(1, TrainingKind.REFRESHER, JAN_31, null, true, null)));
        assertFalse(TrainingStates.qualifies(rule, record(1, TrainingKind.REFRESHER, JAN_31, 120.0, false, null)));
        assertFalse(TrainingStates.qualifies(rule, record(1, TrainingKind.INDUCTION, JAN_31, 520.0, true, null)));
        assertTrue(TrainingStates.qualifies(rule(TrainingKind.ASSESSMENT, null, 12),
                record(1, TrainingKind.ASSESSMENT, JAN_31, null, true, null)));
    }

    @Test
    void withoutAQualifyingRecordTheRuleIsMissing() {
        TrainingStatus status = TrainingStates.evaluate(rule(TrainingKind.REFRESHER, 80.0, 12), List.of(
                record(1, TrainingKind.REFRESHER, JAN_31, 40.0, true, null),
                record(2, TrainingKind.REFRESHER, JAN_31, 90.0, false, null)), LocalDate.of(2025, 2, 1), 30);
        assertEquals(TrainingState.MISSING, status.state());
        assertNull(status.expiresOn());
        assertNull(status.latestRecord());
    }

    @Test
    void theLatestQualifyingRecordDecidesEvenIfAnOlderOneRunsLonger() {
        TrainingRecord older = record(1, TrainingKind.CERTIFICATE, LocalDate.of(2020, 5, 1), null, true, LocalDate.of(2030, 5, 1));
        TrainingRecord newer = record(2, TrainingKind.CERTIFICATE, LocalDate.of(2024, 5, 1), null, true, LocalDate.of(2025, 5, 1));
        TrainingStatus status = TrainingStates.evaluate(rule(TrainingKind.CERTIFICATE, null, 72), List.of(older, newer),
                LocalDate.of(2025, 6, 1), 30);
        assertSame(newer, status.latestRecord());
        assertEquals(TrainingState.EXPIRED, status.state());
    }

    @Test
    void onTheSameDayTheRecordEnteredLastDecides() {
        TrainingRecord first = record(7, TrainingKind.ASSESSMENT, JAN_31, null, true, LocalDate.of(2025, 3, 1));
        TrainingRecord second = record(9, TrainingKind.ASSESSMENT, JAN_31, null, true, LocalDate.of(2026, 1, 31));
        assertSame(second, TrainingStates.evaluate(rule(TrainingKind.ASSESSMENT, null, 12), List.of(second, first),
                LocalDate.of(2025, 4, 1), 30).latestRecord());
    }

    @Test
    void explicitValidUntilWinsOverTheRulesValidity() {
        TrainingStatus status = TrainingStates.evaluate(rule(TrainingKind.REFRESHER, null, 12),
                List.of(record(1, TrainingKind.REFRESHER, JAN_31, 80.0, true, LocalDate.of(2025, 3, 31))), LocalDate.of(2025, 4, 1), 30);
        assertEquals(LocalDate.of(2025, 3, 31), status.expiresOn());
        assertEquals(TrainingState.EXPIRED, status.state());
    }

    @Test
    void aRuleWithoutValidityNeverExpires() {
        TrainingStatus status = TrainingStates.evaluate(rule(TrainingKind.INDUCTION, 520.0, null),
                List.of(record(1, TrainingKind.INDUCTION, LocalDate.of(2001, 3, 1), 520.0, true, null)), LocalDate.of(2099, 1, 1), 30);
        assertEquals(TrainingState.VALID, status.state());
        assertNull(status.expiresOn());
    }

    @Test
    void recordsCompletedAfterTheAsOfDateDoNotCount() {
        TrainingStatus status = TrainingStates.evaluate(rule(TrainingKind.REFRESHER, null, 12),
                List.of(record(1, TrainingKind.REFRESHER, JAN_31, 80.0, true, null)), LocalDate.of(2025, 1, 30), 30);
        assertEquals(TrainingState.MISSING, status.state());
    }

    @Test
    void theExpiringWindowIsConfigurable() {
        TrainingRule rule = rule(TrainingKind.REFRESHER, null, 12);
        List<TrainingRecord> records = List.of(record(1, TrainingKind.REFRESHER, JAN_31, 80.0, true, null));
        assertEquals(TrainingState.VALID, TrainingStates.evaluate(rule, records, LocalDate.of(2026, 1, 21), 9).state());
        assertEquals(TrainingState.EXPIRING, TrainingStates.evaluate(rule, records, LocalDate.of(2026, 1, 22), 9).state());
        assertEquals(TrainingState.EXPIRING, TrainingStates.evaluate(rule, records, LocalDate.of(2026, 1, 31), 0).state());
        assertEquals(TrainingState.VALID, TrainingStates.evaluate(rule, records, LocalDate.of(2026, 1, 30), 0).state());
    }
}
