package cn.worksafety.hazard;

/** 一般 / 较大 / 重大 (seed 002 (十四)). */
public enum HazardGrade {
    GENERAL, SIGNIFICANT, MAJOR
}
