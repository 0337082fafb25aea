package cn.worksafety.responsibility;

/**
 * Computed as of a date by the database function {@code responsibility_status} (V4, rule as
 * revised by V10), never stored: see RULES.md "Responsibilities" and docs/responsibility.md.
 * LONG_TERM items are always ONGOING; a DATE_THEN_ONGOING item completed by its due date is
 * ONGOING, completed later COMPLETED.
 */
public enum ResponsibilityStatus {
    OPEN,
    COMPLETED,
    OVERDUE,
    ONGOING
}
