package cn.worksafety.common;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's own settings ({@code app.*}), one group per concern. Values and their environment
 * variables are in application.properties and the README's configuration table; a default here is
 * for a key that application.properties leaves out. Every {@code app.*} key must have its method
 * here: SmallRye refuses to start with one that maps to nothing (SRCFG00050), which catches a
 * misspelt key. Quarkus's own settings ({@code quarkus.*}) are not here. The cron and zone of the
 * daily checks are also read by {@code @Scheduled} by name.
 */
@ConfigMapping(prefix = "app")
public interface AppConfig {

    /** The service's zone for calendar dates and "as of" checks (RULES.md: Periods). */
    ZoneId zone();

    Security security();

    Graphql graphql();

    Read read();

    Checks checks();

    Alerts alerts();

    Exchange exchange();

    Training training();

    interface Security {
        /** The token claim carrying the caller's unit code. */
        String unitClaim();

        /** How many verified tokens are kept, so a repeated token is not verified again. */
        @WithDefault("1000")
        int tokenCacheSize();
    }

    /** The query budget (docs/query-cost.md). */
    interface Graphql {
        @WithDefault("20000")
        long maxCost();

        @WithDefault("20")
        int maxRootFields();

        @WithDefault("12")
        int maxDepth();

        /** The rows a list without a limit is assumed to return. */
        @WithDefault("10")
        int listEstimate();
    }

    /** The compiled read path (docs/read-path.md). */
    interface Read {
        @WithDefault("true")
        boolean compiled();

        /** Honour and send X-Read-Path, so tests can compare both paths (test profile only). */
        @WithDefault("false")
        boolean pathHeader();
    }

    /** The daily checks (alert.CheckScheduler, alert.CheckRunner). */
    interface Checks {
        /** Quartz cron, or "off". */
        String cron();

        boolean catchUpAtStart();

        /** PostgreSQL interval syntax (10min), set on the checks' transaction. */
        String statementTimeout();

        /** PostgreSQL interval syntax (30s): how long a run waits for another one in progress. */
        String lockTimeout();

        /**
         * Seconds the checks' transaction may run (CheckRunner's @TransactionConfiguration reads the
         * key by name): longer than the statement timeout, since a run is several statements; the
         * JTA default of 60 s ended a 10,000-unit run (docs/recurring-duties.md).
         */
        int transactionTimeout();
    }

    /** The alert lifecycle (alert.AlertLifecycle, docs/supervision.md). */
    interface Alerts {
        /** Days an office closure of an alert without a period key keeps the alert closed. */
        @WithDefault("30")
        int quietDays();

        /** Periods (of the key's frequency) an office closure of a periodic alert keeps it closed. */
        @WithDefault("1")
        int quietPeriods();
    }

    interface Exchange {
        /** How long deletions stay in the change feed (docs/exchange.md). */
        int tombstoneDays();
    }

    interface Training {
        /** How many days before expiry training counts as EXPIRING. */
        int expiringDays();
    }
}
