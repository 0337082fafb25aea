package cn.worksafety.hazard;

/** REQUESTED until both signatures, APPROVED with both, FILED (in effect) once the emergency management bureau has filed it; REFUSED by either signatory. */
public enum ExtensionStatus {
    REQUESTED, APPROVED, REFUSED, FILED
}
