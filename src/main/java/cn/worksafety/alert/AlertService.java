package cn.worksafety.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.AppConfig;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.DatabaseFailure;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/** Reading, acknowledging and resolving alerts, and running the checks on request. */
@ApplicationScoped
public class AlertService {

    @Inject
    AlertRepository alerts;

    @Inject
    CheckRunner runner;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    public Page<Alert> alerts(AlertStatus status, AlertKind kind, String unitId, PageRequest page) {
        return alerts.page(caller.readablePathPrefix(), status, kind, Ids.reference(unitId, "unitId"), page);
    }

    /** Runs every check as of the date; the earliest date accepted is 2000-01-01. */
    public CheckRun runChecks(LocalDate asOf) {
        if (asOf == null || asOf.getYear() < 2000 || asOf.isAfter(LocalDate.now(clock).plusYears(10))) {
            throw new InvalidInput("'asOf' must be a date between 2000-01-01 and ten years from today.");
        }
        try {
            return runner.run(asOf, "MANUAL");
        } catch (RuntimeException e) {
            if (DatabaseFailure.sqlState(e).filter(DatabaseFailure.LOCK_TIMEOUT::equals).isPresent()) {
                throw new Conflict("The checks are already running (started by another request, the schedule or another "
                        + "replica) and did not finish within " + config.checks().lockTimeout() + "; their results will be in checkRuns.");
            }
            throw e;
        }
    }

    @Transactional
    public Alert acknowledge(String id) {
        Alert alert = actionable(id);
        if (alert.status == AlertStatus.RESOLVED) {
            throw new InvalidInput("The alert is already resolved.");
        }
        String before = audit.snapshot(alert);
        if (alert.status == AlertStatus.OPEN) {
            alert.status = AlertStatus.ACKNOWLEDGED;
            alert.acknowledgedAt = now();
            alert.acknowledgedBy = caller.auditSubject();
        }
        alerts.flush();
        audit.updated("acknowledgeAlert", alert, before);
        return alert;
    }

    @Transactional
    public Alert resolve(String id, String note) {
        Alert alert = actionable(id);
        if (alert.status == AlertStatus.RESOLVED) {
            throw new InvalidInput("The alert is already resolved.");
        }
        String before = audit.snapshot(alert);
        alert.status = AlertStatus.RESOLVED;
        alert.resolvedAt = now();
        alert.resolvedBy = caller.auditSubject();
        alert.resolutionNote = Text.optional(note, "note", 1000);
        alerts.flush();
        audit.updated("resolveAlert", alert, before);
        return alert;
    }

    /** An alert the caller may act on: coordinators in their region, unit editors of the alert's unit. */
    private Alert actionable(String id) {
        Alert alert = alerts.findById(Ids.existing(id, "alert"));
        Unit unit = alert == null ? null : organisation.unitsFor(java.util.List.of(alert.unitId)).get(0);
        if (alert == null || !organisation.canRead(unit)) {
            throw new NotFound("No alert with id " + id + ".");
        }
        caller.requireUnitEditor(unit, organisation.regionOf(unit));
        return alert;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
