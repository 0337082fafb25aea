package cn.worksafety.hazard;

/** 红 / 橙 / 黄 / 蓝: 重大 / 较大 / 一般 / 低风险 (seed 002 (十六)). */
public enum RiskLevel {
    RED, ORANGE, YELLOW, BLUE
}
