package cn.worksafety.training;

/** A person's standing against one training rule as of a date (RULES.md: Training). */
public enum TrainingState {
    VALID,
    EXPIRING,
    EXPIRED,
    MISSING
}
