package cn.worksafety.alert;

import java.time.LocalDate;

/**
 * One scheduled check, plugged into the {@link CheckRunner} as a CDI bean. A check is
 * set-based SQL: it raises its alerts with {@code insert ... select ... on conflict do nothing}
 * (the database's {@code alert_identity} constraint makes a second run harmless) and resolves
 * the open alerts of its kinds whose condition no longer holds, all as of the given date.
 */
public interface Check {

    /** Runs inside the runner's transaction, which holds the checks' cluster-wide lock. */
    CheckOutcome run(LocalDate asOf);
}
