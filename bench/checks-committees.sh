#!/usr/bin/env bash
# Times runChecks (all checks, MISSED_MEETING among them) over 10,000 committees.
# Starts the packaged service in local mode on a fresh embedded PostgreSQL (a temporary
# directory), seeds committees and meetings with set-based SQL (bench/SeedCommittees.java),
# then calls runChecks twice over HTTP: the first run raises every alert, the second finds
# the same conditions and raises none. Prints the figures; stops the service and removes
# the data afterwards. Usage: bench/checks-committees.sh [COMMITTEES]   (default 10000)
# Environment: BENCH_PORT (default 18432), SKIP_BUILD=1 to reuse local/target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000}
PORT=${BENCH_PORT:-18432}

if [[ "${SKIP_BUILD:-}" != 1 || ! -f local/target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q package -DskipTests -pl local -am
fi
DATA=$(mktemp -d)
LOG="$DATA/service.log"
LOCAL_DATA_DIR="$DATA" QUARKUS_HTTP_PORT="$PORT" APP_CHECKS_CATCH_UP_AT_START=false \
  APP_CHECKS_CRON=off java -jar local/target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 2
done
PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
JDBC=$(ls local/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)
java -cp "$JDBC" bench/SeedCommittees.java "jdbc:postgresql://localhost:$PG_PORT/postgres" postgres postgres "$COUNT"

TOKEN=$(curl -sf -XPOST "localhost:$PORT/local/token" -H 'content-type: application/json' -d '{"roles":["admin"]}' \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
AS_OF=$(TZ=Asia/Shanghai date +%F)
run() {
  local start end body
  start=$(date +%s.%N)
  body=$(curl -sf "localhost:$PORT/graphql" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d "{\"query\":\"mutation { runChecks(asOf: \\\"$AS_OF\\\") { alertsRaised alertsResolved missedMeetings startedAt finishedAt } }\"}")
  end=$(date +%s.%N)
  echo "$1: $(echo "$end - $start" | bc) s over HTTP; $body"
}
echo "runChecks as of $AS_OF on $COUNT committees:"
run "first run "
run "second run"
run "third run "
