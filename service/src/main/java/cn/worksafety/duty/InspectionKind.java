package cn.worksafety.duty;

/** 专项检查, 全面检查, 自查: each counts toward the rules of the matching {@link DutyKind}. */
public enum InspectionKind {
    SPECIAL(DutyKind.SPECIAL_INSPECTION),
    COMPREHENSIVE(DutyKind.COMPREHENSIVE_INSPECTION),
    SELF(DutyKind.SELF_INSPECTION);

    private final DutyKind dutyKind;

    InspectionKind(DutyKind dutyKind) {
        this.dutyKind = dutyKind;
    }

    public DutyKind dutyKind() {
        return dutyKind;
    }
}
