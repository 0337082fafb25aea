package cn.worksafety.alert;

public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
