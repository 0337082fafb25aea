package cn.worksafety.linkage;

/** What a linkage mechanism coordinates; the four kinds of seed 000 (一)-(四), and others. */
public enum LinkageKind {
    /** 行业监管联动 */
    INDUSTRY_SUPERVISION,
    /** 协同执法联动 */
    COORDINATED_ENFORCEMENT,
    /** 应急救援联动 */
    EMERGENCY_RESCUE,
    /** 自然灾害综合减灾联动 */
    DISASTER_PREVENTION,
    OTHER
}
