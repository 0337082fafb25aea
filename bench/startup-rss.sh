#!/usr/bin/env bash
# Start-up time and resident memory of the packaged JVM service in local mode.
# Build first (./mvnw -B package -DskipTests -pl local -am), then: bench/startup-rss.sh [port]
# Prints, for a first start (new data directory: initdb, migrations, sample data) and a
# restart on the same data: the wall time from launch until /q/health/ready answers UP,
# Quarkus' own "started in" figure, and the RSS (ps -o rss) of the java process and of the
# embedded PostgreSQL processes, idle and after 500 GraphQL requests. JAVA_OPTS adds JVM
# options, e.g. JAVA_OPTS=-Xmx256m to cap the heap as a container memory limit would.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-18480}
JAR=local/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw -B package -DskipTests -pl local -am first" >&2; exit 1; }
DATA=$(mktemp -d)
LOG=$(mktemp)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA" "$LOG"' EXIT

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }
pg_rss_kb() { # the postmaster of the local data directory and its backends
  local postmaster total=0 pid
  postmaster=$(head -1 "$DATA/pg/postmaster.pid")
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    total=$((total + $(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || echo 0)))
  done
  echo "$total"
}

run() {
  local label=$1
  local start end
  start=$(date +%s%N)
  QUARKUS_HTTP_PORT=$PORT LOCAL_DATA_DIR=$DATA java ${JAVA_OPTS:-} -jar "$JAR" >"$LOG" 2>&1 &
  PID=$!
  until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  local ready_ms=$(( (end - start) / 1000000 ))
  local started; started=$(grep -o 'started in [0-9.]*s' "$LOG" | head -1)
  sleep 2
  local idle_java; idle_java=$(rss_kb "$PID")
  local idle_pg; idle_pg=$(pg_rss_kb "$PID")
  local token
  token=$(curl -fs -X POST -H 'Content-Type: application/json' -d '{"roles":["admin"]}' \
    "http://localhost:$PORT/local/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  for _ in $(seq 1 500); do
    curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"query":"{ units(first: 50) { totalCount edges { node { code name region { code name parent { code } } parent { code } } } } }"}' \
      "http://localhost:$PORT/graphql"
  done
  local busy_java; busy_java=$(rss_kb "$PID")
  local busy_pg; busy_pg=$(pg_rss_kb "$PID")
  printf '%-8s ready after %5d ms (Quarkus: %s) | java RSS idle %4d MiB, after 500 requests %4d MiB | embedded PostgreSQL RSS %4d / %4d MiB\n' \
    "$label" "$ready_ms" "$started" $((idle_java / 1024)) $((busy_java / 1024)) $((idle_pg / 1024)) $((busy_pg / 1024))
  kill "$PID"; wait "$PID" 2>/dev/null || true
}

echo "$(java -version 2>&1 | head -1), $(nproc) CPUs, load $(cut -d" " -f1-3 /proc/loadavg), JAVA_OPTS=${JAVA_OPTS:-none}"
run first
run restart
run restart
