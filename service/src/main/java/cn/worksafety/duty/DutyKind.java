package cn.worksafety.duty;

import cn.worksafety.alert.AlertKind;

/**
 * What a recurring duty asks for. A missed period raises the alert of {@link #alertKind()} (SQL
 * twin: duty_alert_kind of V16__duty.sql); meetings and staff training have no alert kind in the
 * contract yet, so they show in dutyCompliance only.
 */
public enum DutyKind {
    MEETING(null),
    SPECIAL_INSPECTION(AlertKind.MISSED_INSPECTION),
    COMPREHENSIVE_INSPECTION(AlertKind.MISSED_INSPECTION),
    SELF_INSPECTION(AlertKind.MISSED_INSPECTION),
    WRITTEN_RETURN(AlertKind.RETURN_MISSING),
    DRILL(AlertKind.MISSED_DRILL),
    STAFF_TRAINING(null),
    SUPERVISION_ROUND(AlertKind.MISSED_INSPECTION);

    private final AlertKind alertKind;

    DutyKind(AlertKind alertKind) {
        this.alertKind = alertKind;
    }

    /** The alert a missed period raises, or null when none does. */
    public AlertKind alertKind() {
        return alertKind;
    }
}
