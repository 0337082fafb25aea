package cn.worksafety.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import org.jboss.logging.Logger;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.AppConfig;
import cn.worksafety.security.Caller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs every {@link Check} as of a date in one transaction. The transaction first takes a
 * PostgreSQL advisory lock, so on any number of replicas one run happens at a time and the
 * next one sees its results; the alert table's unique constraint guarantees the rest.
 */
@ApplicationScoped
public class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);

    /** The advisory-lock key of the checks ("CHECKS" in ASCII). */
    static final long LOCK_KEY = 0x434845434B53L;

    @Inject
    @Any
    Instance<Check> checks;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    AppConfig config;

    /** Alerts not resolved, per kind, as of the last run on this replica (gauge safety.alerts.open). */
    private final Map<AlertKind, AtomicLong> open = new EnumMap<>(AlertKind.class);

    @PostConstruct
    void registerGauges() {
        for (AlertKind kind : AlertKind.values()) {
            AtomicLong value = new AtomicLong();
            Gauge.builder("safety.alerts.open", value, AtomicLong::get).tag("kind", kind.name())
                    .description("Alerts not resolved, as of the last check run").register(metrics);
            open.put(kind, value);
        }
    }

    /** Runs every check as of the date, after any run in progress on another replica (an admin waits for the result). */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "app.checks.transaction-timeout")
    public CheckRun run(LocalDate asOf, String trigger) {
        setLocal("statement_timeout", config.checks().statementTimeout());
        // A run in progress holds the lock: wait for it at most app.checks.lock-timeout (SQLSTATE 55P03, which
        // AlertService answers as CONFLICT "already running"), then run with no lock timeout.
        setLocal("lock_timeout", config.checks().lockTimeout());
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        setLocal("lock_timeout", "0");
        return runLocked(asOf, trigger);
    }

    /**
     * For the scheduler: runs the checks as of today unless another replica is running them right
     * now or the last run finished less than {@code gap} ago. Every replica's scheduler fires, and
     * one of them does the work.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "app.checks.transaction-timeout")
    public Optional<CheckRun> runIfDue(String trigger, Duration gap) {
        setLocal("statement_timeout", config.checks().statementTimeout());
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY)
                .getSingleResult();
        if (!locked) {
            LOG.infof("Checks (%s) skipped: another replica is running them", trigger);
            return Optional.empty();
        }
        OffsetDateTime last = lastFinished();
        if (last != null && last.isAfter(now().minus(gap))) {
            LOG.debugf("Checks (%s) skipped: the last run finished at %s", trigger, last);
            return Optional.empty();
        }
        return Optional.of(runLocked(today(), trigger));
    }

    /** SET LOCAL: the setting holds for this transaction only, then the connection returns to the pool as it was. */
    private void setLocal(String setting, String value) {
        em.createNativeQuery("select set_config(?1, ?2, true)").setParameter(1, setting).setParameter(2, value).getSingleResult();
    }

    private CheckRun runLocked(LocalDate asOf, String trigger) {
        OffsetDateTime started = now();
        Timer.Sample sample = Timer.start(metrics);
        CheckOutcome outcome = CheckOutcome.none();
        for (Check check : checks) {
            outcome = outcome.plus(check.run(asOf));
        }
        sample.stop(metrics.timer("safety.checks.duration", "trigger", trigger));

        CheckRun run = new CheckRun();
        run.asOf = asOf;
        run.trigger = trigger;
        run.startedAt = started;
        run.finishedAt = now();
        run.alertsRaised = outcome.raised();
        run.alertsResolved = outcome.resolved();
        run.missedMeetings = outcome.found(AlertKind.MISSED_MEETING);
        run.expiredTraining = outcome.found(AlertKind.TRAINING_EXPIRED);
        run.overdueResponsibilities = outcome.found(AlertKind.RESPONSIBILITY_OVERDUE);
        em.persist(run);
        auditRun(run);
        metrics.counter("safety.alerts.raised").increment(run.alertsRaised);
        metrics.counter("safety.alerts.resolved").increment(run.alertsResolved);
        countOpenAlerts();
        LOG.infof("Checks as of %s (%s): %d raised, %d resolved", asOf, trigger, run.alertsRaised, run.alertsResolved);
        return run;
    }

    /**
     * The run and every alert it raised, resolved or reopened go into the audit trail. The alerts are
     * found as the rows this transaction wrote (xmin), so one statement audits any number of them.
     */
    private void auditRun(CheckRun run) {
        audit.changed("runChecks", "CheckRun", run.id, null, audit.snapshot(run));
        em.createNativeQuery("""
                insert into audit_entry (at, subject, unit_code, operation, record_type, record_id, before, after)
                select :at, :subject, :unit, 'runChecks', 'Alert', a.id::text, null, to_jsonb(a)
                from alert a
                where a.xmin = pg_current_xact_id()::text::xid
                order by a.id""")
                .setParameter("at", run.finishedAt)
                .setParameter("subject", caller.auditSubject())
                .setParameter("unit", caller.unitCode())
                .executeUpdate();
    }

    private void countOpenAlerts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, count(*) from alert where status <> 'RESOLVED' group by kind")
                .getResultList();
        Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
        for (Object[] row : rows) {
            counts.put(AlertKind.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        open.forEach((kind, value) -> value.set(counts.getOrDefault(kind, 0L)));
    }

    /** When the last run finished, or null if the checks never ran. */
    public OffsetDateTime lastFinished() {
        return (OffsetDateTime) em.createQuery("select max(r.finishedAt) from CheckRun r").getSingleResult();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
