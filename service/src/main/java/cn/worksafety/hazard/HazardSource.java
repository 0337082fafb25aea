package cn.worksafety.hazard;

/** Where a hazard was found. */
public enum HazardSource {
    INSPECTION, PUBLIC_REPORT, SELF_CHECK, OTHER
}
