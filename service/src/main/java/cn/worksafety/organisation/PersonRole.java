package cn.worksafety.organisation;

public enum PersonRole {
    ENFORCEMENT_OFFICER,
    PRINCIPAL_PERSON,
    SAFETY_MANAGER,
    SPECIAL_OPERATOR
}
