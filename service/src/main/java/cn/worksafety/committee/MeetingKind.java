package cn.worksafety.committee;

/** PLENARY (全体成员会议) meetings count toward the rule; SPECIAL (专题) meetings never do. */
public enum MeetingKind {
    PLENARY,
    SPECIAL
}
