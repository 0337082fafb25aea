package cn.worksafety.linkage;

/** How a unit stands in a mechanism: it leads it (牵头) or takes part in it (配合). */
public enum LinkageRole {
    LEAD,
    PARTICIPANT
}
