package cn.worksafety.hazard;

/** Moves forward only; a rejected verification sends a RECTIFIED hazard back to OPEN. */
public enum HazardStatus {
    OPEN, RECTIFIED, VERIFIED
}
