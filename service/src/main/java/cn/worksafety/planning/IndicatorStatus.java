package cn.worksafety.planning;

/** Whether the latest observation meets the target; NO_DATA when an observation it needs is missing. */
public enum IndicatorStatus {
    MET,
    NOT_MET,
    NO_DATA
}
