package cn.worksafety.responsibility;

/**
 * Computed as of a date by the database function {@code responsibility_status} (V4), never
 * stored: see RULES.md "Responsibilities" and docs/responsibility.md.
 */
public enum ResponsibilityStatus {
    OPEN,
    COMPLETED,
    OVERDUE,
    ONGOING
}
