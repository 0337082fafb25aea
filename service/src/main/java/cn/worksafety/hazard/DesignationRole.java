package cn.worksafety.hazard;

/** The units a region names for the hazard loop: the committee office (安办) hears of missed interviews, the emergency management bureau (应急局) files extensions, the park command (园区攻坚指挥部) signs them. */
public enum DesignationRole {
    COMMITTEE_OFFICE, EMERGENCY_BUREAU, PARK_COMMAND
}
