package cn.worksafety.responsibility;

/** 完成时间: a date (2022年12月底前), long term (长期), or a date then long-term upkeep (…印发方案并长期坚持). */
public enum DeadlineKind {
    DATE,
    LONG_TERM,
    DATE_THEN_ONGOING
}
