package cn.worksafety.supervision;

/**
 * The office's instruments (seed 002 (九): 两书一函, 警示约谈, 挂牌督办, 提级调查; seed 001 一(一):
 * 约谈, 警示通报), in no fixed order: a ladder orders them per alert kind.
 */
public enum SupervisionStep {
    /** 提醒函 (the first of 两书一函). */
    REMINDER_LETTER,
    /** 警示函. */
    WARNING_LETTER,
    /** 督办函 / 督办通知书. */
    SUPERVISION_LETTER,
    /** 警示约谈. */
    WARNING_INTERVIEW,
    /** 挂牌督办. */
    LISTED_SUPERVISION,
    /** 警示通报. */
    PUBLIC_NOTICE,
    /** 提级调查. */
    RAISED_INVESTIGATION
}
