package cn.worksafety.security;

/** The roles of RULES.md, as they appear in tokens. */
public enum Role {
    /** Everything, everywhere. */
    ADMIN("admin"),
    /** Committee-office staff: manage lists, plans, committees, rules and alerts in their region. */
    COORDINATOR("coordinator"),
    /** Department or town staff: report on and record for their own unit. */
    UNIT_EDITOR("unit-editor"),
    /** Reads its region. */
    VIEWER("viewer"),
    /** Data-exchange service account: reads what it is granted, personal data masked, never writes. */
    EXCHANGE("exchange");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }
}
