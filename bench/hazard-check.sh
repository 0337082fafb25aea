#!/usr/bin/env bash
# Times the hazard checks (HAZARD_OVERDUE, INTERVIEW_OVERDUE) on N hazards (default 100,000):
# inserts enterprises, hazards of every grade and status, extensions and interviews into the
# embedded test database with SQL, then runs the checks (runChecks over HTTP) three times (first
# run, same-day rerun, a month later) and a hazardLedger and a hazards page, printing the figures.
# Usage: bench/hazard-check.sh [hazards]
set -euo pipefail
cd "$(dirname "$0")/.."
HAZARDS="${1:-100000}"
LOG="$(mktemp -t hazard-bench.XXXXXX.log)"
if ./mvnw -B test -pl service -am -Dtest=HazardCheckBench -Dsurefire.failIfNoSpecifiedTests=false \
        -Dbench.hazards="$HAZARDS" -Dquarkus.http.test-port=0 -Dquarkus.http.test-timeout=900s >"$LOG" 2>&1; then
    grep '^BENCH' "$LOG" | sed 's/^BENCH //'
    echo "machine: $(nproc) cores; full log: $LOG"
else
    echo "benchmark failed; see $LOG" >&2
    exit 1
fi
