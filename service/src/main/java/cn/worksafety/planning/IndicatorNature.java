package cn.worksafety.planning;

/** 约束性 (binding) or 预期性 (expected) indicator. */
public enum IndicatorNature {
    BINDING,
    EXPECTED
}
