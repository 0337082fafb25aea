package cn.worksafety.planning;

/** What kind of plan: a five-year plan (十四五规划), annual work points (年度工作要点), a three-year action, or a special plan. */
public enum PlanKind {
    FIVE_YEAR,
    ANNUAL,
    THREE_YEAR_ACTION,
    SPECIAL
}
