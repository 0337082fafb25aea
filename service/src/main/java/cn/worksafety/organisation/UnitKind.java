package cn.worksafety.organisation;

public enum UnitKind {
    PARTY_COMMITTEE,
    GOVERNMENT,
    DEPARTMENT,
    TOWN,
    PARK,
    ENTERPRISE,
    RESCUE_TEAM,
    OTHER
}
