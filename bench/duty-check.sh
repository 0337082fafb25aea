#!/usr/bin/env bash
# Times the recurring-duty checks (MISSED_INSPECTION, RETURN_MISSING, MISSED_DRILL, PLAN_NOT_FILED)
# on N enterprises (default 10,000) bound by 4 rules (weekly self-inspection, monthly return,
# quarterly special inspection, half-yearly drill) with a year of events, inserted with SQL into
# the embedded test database; runs the checks (runChecks over HTTP) first, again the same day, and
# a month later; then counts the SQL statements of dutyCompliance for 1, 20 (one request) and 50 rules (three
# requests: 20 root fields at most). Prints figures, asserts nothing about time. The bench's own bulk insert gets a 15 min
# transaction; the checks' run has its own (APP_CHECKS_TRANSACTION_TIMEOUT, 1800 s).
# Usage: bench/duty-check.sh [units]
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS="${1:-10000}"
LOG="$(mktemp -t duty-bench.XXXXXX.log)"
if ./mvnw -B test -pl service -am -Dtest=DutyCheckBench -Dsurefire.failIfNoSpecifiedTests=false \
        -Dbench.units="$UNITS" -Dquarkus.http.test-port=0 -Dquarkus.http.test-timeout=900s \
        -Dquarkus.transaction-manager.default-transaction-timeout=900s >"$LOG" 2>&1; then
    grep '^BENCH' "$LOG" | sed 's/^BENCH //'
    echo "machine: $(nproc) cores; full log: $LOG"
else
    echo "benchmark failed; see $LOG" >&2
    exit 1
fi
