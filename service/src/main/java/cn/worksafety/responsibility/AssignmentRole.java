package cn.worksafety.responsibility;

/** A unit's role on an item: lead (牵头), responsible (负责) or supporting (配合). */
public enum AssignmentRole {
    LEAD,
    RESPONSIBLE,
    SUPPORTING
}
