#!/usr/bin/env bash
# Mixed load on the packaged service: readers (a list's items with assignments and units, a page of
# units, alerts) beside writers (createUnit; updateResponsibility after reading the version, so
# writers racing on the same items get CONFLICT), over real HTTP on loopback.
# Build first (./mvnw -B package -DskipTests -pl local -am), then: bench/load.sh [seconds] [readers] [writers]
# (default 120 s, 8 readers, 4 writers). Starts the service in local mode (embedded PostgreSQL,
# sample data, a temporary data directory) with JAVA_OPTS (default -Xmx256m, the container's heap)
# and prints throughput, p50/p99 latency per operation, errors by code and the service's max RSS.
# Exits non-zero when any request answered INTERNAL. Needs Node.js 18+ (no npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${1:-120}
READERS=${2:-8}
WRITERS=${3:-4}
PORT=${PORT:-18490}
JAR=local/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw -B package -DskipTests -pl local -am first" >&2; exit 1; }
DATA=$(mktemp -d)
LOG=$(mktemp)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA" "$LOG"' EXIT

QUARKUS_HTTP_PORT=$PORT LOCAL_DATA_DIR=$DATA APP_CHECKS_CATCH_UP_AT_START=false \
  java ${JAVA_OPTS:--Xmx256m} -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
until curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.2
done
echo "$(java -version 2>&1 | head -1), $(nproc) CPUs, load $(cut -d" " -f1-3 /proc/loadavg), JAVA_OPTS=${JAVA_OPTS:--Xmx256m}"
status=0
node bench/load.js "http://127.0.0.1:$PORT" "$SECONDS_" "$READERS" "$WRITERS" "$PID" || status=$?
kill -0 "$PID" 2>/dev/null || { echo "the service died:"; tail -20 "$LOG"; exit 1; }
internal=$(grep -c "Internal error" "$LOG" || true)
echo "service log: $internal internal error(s)"
[ "$internal" = 0 ] || grep -m 5 -A 3 "Internal error" "$LOG"
exit "$status"
