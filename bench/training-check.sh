#!/usr/bin/env bash
# Times the training check on N people (default 100,000): inserts people with roles, five
# rules and their training records into the embedded test database with SQL, then runs the
# checks (runChecks over HTTP) three times and a unit's trainingGaps, printing the figures.
# Usage: bench/training-check.sh [people]
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${1:-100000}"
LOG="$(mktemp -t training-bench.XXXXXX.log)"
if ./mvnw -B test -pl service -am -Dtest=TrainingCheckBench -Dsurefire.failIfNoSpecifiedTests=false \
        -Dbench.people="$PEOPLE" -Dquarkus.http.test-port=0 >"$LOG" 2>&1; then
    grep '^BENCH' "$LOG" | sed 's/^BENCH //'
    echo "machine: $(nproc) cores; full log: $LOG"
else
    echo "benchmark failed; see $LOG" >&2
    exit 1
fi
