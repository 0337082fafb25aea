package cn.worksafety.alert;

import java.time.LocalDate;

/**
 * One scheduled check, plugged into the {@link CheckRunner} as a CDI bean. A check is
 * set-based SQL handed to {@link AlertLifecycle#run}, which raises its alerts ({@code on conflict
 * do nothing}: the database's {@code alert_identity} constraint makes a second run harmless),
 * reopens those whose condition holds again (resolved by the system, or closed by the office and
 * past the quiet period) and resolves those whose condition no longer holds, all as of the date.
 */
public interface Check {

    /** Runs inside the runner's transaction, which holds the checks' cluster-wide lock. */
    CheckOutcome run(LocalDate asOf);
}
