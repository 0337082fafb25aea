package cn.worksafety.training;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;

/**
 * The training rules of RULES.md as pure functions, the reference the set-based SQL of
 * {@link TrainingStateSql} must agree with:
 * <ul>
 * <li>a record qualifies for a rule when it has the rule's kind, is passed, and has at least the
 * rule's minimum hours (when the rule sets them; a record without hours then does not qualify);</li>
 * <li>of the qualifying records completed on or before the as-of date, the latest decides (latest
 * {@code completedOn}, then the one recorded last);</li>
 * <li>it expires on its {@code validUntil} when it has one, else on {@code completedOn} plus the rule's
 * {@code validityMonths} ({@link LocalDate#plusMonths}: 2025-01-31 + 1 month = 2025-02-28), else never;</li>
 * <li>MISSING without a qualifying record, EXPIRED when the as-of date is after the expiry date,
 * EXPIRING when the expiry date is within the next {@code expiringDays} days (the expiry date
 * itself included), else VALID.</li>
 * </ul>
 */
public final class TrainingStates {

    /** Orders records by recency: later completion, then (same day) the record entered last. */
    static final Comparator<TrainingRecord> RECENCY = Comparator
            .comparing((TrainingRecord r) -> r.completedOn)
            .thenComparing(r -> r.id, Comparator.nullsFirst(Comparator.naturalOrder()));

    private TrainingStates() {
    }

    public static boolean qualifies(TrainingRule rule, TrainingRecord record) {
        return record.kind == rule.kind
                && record.passed
                && (rule.minimumHours == null || (record.hours != null && record.hours >= rule.minimumHours));
    }

    /** The last valid day of a qualifying record, or null when it never expires. */
    public static LocalDate expiresOn(TrainingRule rule, TrainingRecord record) {
        if (record.validUntil != null) {
            return record.validUntil;
        }
        return rule.validityMonths == null ? null : record.completedOn.plusMonths(rule.validityMonths);
    }

    public static TrainingState state(LocalDate expiresOn, LocalDate asOf, int expiringDays) {
        if (expiresOn == null) {
            return TrainingState.VALID;
        }
        if (asOf.isAfter(expiresOn)) {
            return TrainingState.EXPIRED;
        }
        return expiresOn.isAfter(asOf.plusDays(expiringDays)) ? TrainingState.VALID : TrainingState.EXPIRING;
    }

    /** The person's standing against the rule as of the date, given all their records (any kind). */
    public static TrainingStatus evaluate(TrainingRule rule, Collection<TrainingRecord> records, LocalDate asOf, int expiringDays) {
        TrainingRecord latest = records.stream()
                .filter(r -> qualifies(rule, r) && !r.completedOn.isAfter(asOf))
                .max(RECENCY)
                .orElse(null);
        if (latest == null) {
            return new TrainingStatus(rule, TrainingState.MISSING, null, null);
        }
        LocalDate expiresOn = expiresOn(rule, latest);
        return new TrainingStatus(rule, state(expiresOn, asOf, expiringDays), expiresOn, latest);
    }
}
