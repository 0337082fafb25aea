package cn.worksafety.linkage;

/** One way a mechanism is put to work. */
public enum ActivationKind {
    /** 联合执法 */
    JOINT_ENFORCEMENT,
    /** 演练 */
    DRILL,
    /** 应急响应 */
    EMERGENCY_RESPONSE,
    /** 预警 */
    EARLY_WARNING,
    /** 联席 / 协调会议 */
    COORDINATION_MEETING
}
