package cn.worksafety.duty;

/** 桌面演练 (desk) or 实战演练 (field). */
public enum DrillKind {
    DESK, FIELD
}
