package cn.youfu.approval;

/** What the machine decided. */
public enum Decision {
    /** Every condition is met: approved, certificate issued. */
    APPROVED,
    /** A condition is not met: refused, with every reason. */
    REJECTED,
    /** Something could not be told: an officer decides, on the statutory clock. */
    MANUAL_REVIEW
}
