package cn.worksafety.alert;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.worksafety.common.AppConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Triggers the checks daily at {@code app.checks.cron} (Asia/Shanghai time by default), and once
 * shortly after start-up when the last run is more than a day old (a missed night). Every replica
 * triggers; {@link CheckRunner#runIfDue} lets one of them run.
 */
@ApplicationScoped
public class CheckScheduler {

    private static final Logger LOG = Logger.getLogger(CheckScheduler.class);

    @Inject
    CheckRunner runner;

    @Inject
    AppConfig config;

    @Scheduled(identity = "daily-checks", cron = "{app.checks.cron}", timeZone = "{app.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void daily() {
        // Replicas' clocks differ by seconds, not hours: a run in the last 20 hours is tonight's.
        runner.runIfDue("SCHEDULE", Duration.ofHours(20));
    }

    void onStart(@Observes StartupEvent event) {
        if (config.checks().catchUpAtStart()) {
            // Off the start-up thread: readiness does not wait for a catch-up run. A thread of its own,
            // not a context-propagating executor: the start-up's request context (and its entity
            // manager) is gone by the time the run starts, and catchUp activates a fresh one.
            Thread thread = new Thread(this::catchUp, "checks-catch-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @ActivateRequestContext
    void catchUp() {
        try {
            runner.runIfDue("STARTUP", Duration.ofHours(24));
        } catch (RuntimeException e) {
            LOG.error("Start-up catch-up of the checks failed; the daily run will try again", e);
        }
    }
}
