package cn.worksafety.alert;

public enum AlertKind {
    MISSED_MEETING,
    TRAINING_EXPIRED,
    TRAINING_EXPIRING,
    TRAINING_MISSING,
    RESPONSIBILITY_OVERDUE
}
