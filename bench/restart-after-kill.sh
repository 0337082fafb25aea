#!/usr/bin/env bash
# Local mode's starts, timed: the packaged JVM service on a new data directory, restarted after
# a clean stop (SIGTERM), and restarted at once after kill -9 (SIGKILL), when the embedded
# PostgreSQL of the killed service is still running and the new start must stop it first.
# Build first (./mvnw -B package -DskipTests -pl local -am), then: bench/restart-after-kill.sh [port] [rounds]
# Prints, per start: the wall time from launch until /q/health/ready answers UP, and what the
# start found. After each kill it checks that the unit created just before the kill is still there.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-18481}
ROUNDS=${2:-3}
JAR=local/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw -B package -DskipTests -pl local -am first" >&2; exit 1; }
DATA=$(mktemp -d)
LOG=$(mktemp)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  # a server left by the last kill, if the script stopped before restarting
  [ -f "$DATA/pg/postmaster.pid" ] && kill -INT "$(head -1 "$DATA/pg/postmaster.pid")" 2>/dev/null || true
  sleep 1; rm -rf "$DATA" "$LOG"
}
trap cleanup EXIT

start() { # sets PID, and MS: the milliseconds from launch to ready
  local begin end
  begin=$(date +%s%N)
  QUARKUS_HTTP_PORT=$PORT LOCAL_DATA_DIR=$DATA APP_CHECKS_CATCH_UP_AT_START=false \
    java ${JAVA_OPTS:-} -jar "$JAR" >"$LOG" 2>&1 &
  PID=$!
  until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { echo "the service exited:" >&2; cat "$LOG" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  MS=$(( (end - begin) / 1000000 ))
}

token() {
  curl -fs -X POST -H 'Content-Type: application/json' -d '{"roles":["admin"]}' "http://localhost:$PORT/local/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

graphql() { # query as JSON string body
  curl -fs -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' -d "$1" "http://localhost:$PORT/graphql"
}

region() { graphql '{"query":"{ units(first: 1) { edges { node { region { code } } } } }"}' | sed 's/.*"code":"\([^"]*\)".*/\1/'; }

create_unit() { # prints the new unit's id
  graphql "{\"query\":\"mutation { createUnit(input: {code: \\\"$1\\\", name: \\\"Restart bench\\\", kind: DEPARTMENT, regionCode: \\\"$2\\\"}) { id } }\"}" \
    | sed -n 's/.*"id":"\([^"]*\)".*/\1/p'
}

has_unit() { # id code
  graphql "{\"query\":\"{ unit(id: \\\"$1\\\") { code } }\"}" | grep -q "\"$2\""
}

postgres_alive() { [ -f "$DATA/pg/postmaster.pid" ] && kill -0 "$(head -1 "$DATA/pg/postmaster.pid")" 2>/dev/null; }

echo "$(java -version 2>&1 | head -1), $(nproc) CPUs, load $(cut -d" " -f1-3 /proc/loadavg), JAVA_OPTS=${JAVA_OPTS:-none}"
start
printf 'first start (initdb, migrations, sample data)      ready after %6d ms\n' "$MS"
REGION=$(region)
for round in $(seq 1 "$ROUNDS"); do
  kill "$PID"; wait "$PID" 2>/dev/null || true
  start
  printf 'restart after a clean stop (SIGTERM), round %d       ready after %6d ms\n' "$round" "$MS"
  CODE="BENCH-KILL-$round-$RANDOM"
  ID=$(create_unit "$CODE" "$REGION")
  [ -n "$ID" ] || { echo "createUnit $CODE failed" >&2; exit 1; }
  kill -9 "$PID"; wait "$PID" 2>/dev/null || true
  if postgres_alive; then left="its PostgreSQL still running"; else left="its PostgreSQL gone"; fi
  start
  if has_unit "$ID" "$CODE"; then kept="unit created before the kill is there"; else kept="UNIT CREATED BEFORE THE KILL IS MISSING"; fi
  printf 'restart after kill -9 (%s), round %d  ready after %6d ms; %s\n' "$left" "$round" "$MS" "$kept"
done
