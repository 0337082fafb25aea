#!/usr/bin/env bash
# Side-by-side read benchmark of the service against PostGraphile v4 on the same database (issue 14).
#
# Starts the packaged service in local mode (embedded PostgreSQL, a temporary data directory),
# loads a generated data set into its database with SQL (data.sql), points PostGraphile at that
# database (peer.sql, peer-plugin.js: the computed status fields), and drives the same query shapes
# (queries/) at both with autocannon on loopback, rounds alternated service/peer. Prints req/s,
# p50, p99 and the ratio service/peer per shape, the service's RSS, and whether any request failed.
# PostGraphile and autocannon are installed with npm into the temporary directory; everything it
# started is stopped and the directory removed on exit.
#
# Usage: bench/peer/run.sh [options]
#   --scale N          data set size: N x (1,000 units, 10,000 items in 50 lists, 50 plans) (default 1)
#   --shapes LIST      shapes to measure, e.g. 1,3 or none (default 1,2,3,4)
#   --rounds N         measured rounds per side and shape (default 3)
#   --duration S       length of a round: each measured round sends as many requests as that side
#                      answered in S seconds of its warm-up (default 10)
#   --warmup S         seconds of warm-up per side and shape, not counted (default 10)
#   --connections N    autocannon connections (default 8)
#   --jfr LIST         record a JFR profile of the service under load of each shape in LIST (e.g. 1,3)
#                      and print its top 25 methods; JFR_DIR=dir keeps the recordings
#   --jfr-seconds S    length of each recording (default 20)
#   --memory           restart the service with MEMORY_JAVA_OPTS (default -Xmx256m
#                      -XX:+ExitOnOutOfMemoryError, as the container image runs it) and fire 16
#                      concurrent requests of shape 3, then of a bigger variant (3-lists-big)
#   --startup          launch-to-ready of the packaged service: the production artifact (service/)
#                      against the running database, local mode restarted on the bench data, local
#                      mode on a new directory
# Environment: JAVA_OPTS (JVM options of the measured service, e.g. -Xmx256m), PEER_NPM_DIR (reuse
# an npm install made before instead of installing into the temporary directory).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=bench/peer
JAR=local/target/quarkus-app/quarkus-run.jar            # local mode (module local/)
SERVICE_JAR=service/target/quarkus-app/quarkus-run.jar  # the production artifact, for --startup

SCALE=1 SHAPES=1,2,3,4 ROUNDS=3 DURATION=10 WARMUP=10 CONNECTIONS=8
JFR_SHAPES= JFR_SECONDS=20 MEMORY=0 STARTUP=0
MEMORY_JAVA_OPTS=${MEMORY_JAVA_OPTS:--Xmx256m -XX:+ExitOnOutOfMemoryError}
# The bench's caller: the committee office of the Guangyuan development zone as coordinator. Its
# region (510871 and below) holds all generated data, so it reads what PostGraphile reads, through
# the service's real scoping (region prefix match, list visibility by issuer or assignment).
TOKEN_REQUEST='{"roles":["coordinator"],"unit":"GY-AB"}'

die() { echo "bench/peer: $*" >&2; exit 1; }
positive() { [[ $2 =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive whole number, got '$2'"; }
while [ $# -gt 0 ]; do
  case $1 in
    --scale) positive "$1" "${2:-}"; SCALE=$2; shift 2 ;;
    --shapes) [[ ${2:-} =~ ^(none|[1-4](,[1-4])*)$ ]] || die "--shapes takes a list of 1-4 or none"; SHAPES=$2; shift 2 ;;
    --rounds) positive "$1" "${2:-}"; ROUNDS=$2; shift 2 ;;
    --duration) positive "$1" "${2:-}"; DURATION=$2; shift 2 ;;
    --warmup) [[ ${2:-} =~ ^[0-9]+$ ]] || die "--warmup takes seconds (0 for none)"; WARMUP=$2; shift 2 ;;
    --connections) positive "$1" "${2:-}"; CONNECTIONS=$2; shift 2 ;;
    --jfr) [[ ${2:-} =~ ^[1-4](,[1-4])*$ ]] || die "--jfr takes a list of shapes 1-4"; JFR_SHAPES=$2; shift 2 ;;
    --jfr-seconds) positive "$1" "${2:-}"; JFR_SECONDS=$2; shift 2 ;;
    --memory) MEMORY=1; shift ;;
    --startup) STARTUP=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[ "$SHAPES" = none ] && SHAPES=
for tool in java jcmd jfr psql node npm curl openssl; do
  command -v "$tool" >/dev/null || die "$tool is not installed (needs a JDK 17+, the PostgreSQL client, Node.js 18+ with npm, curl, openssl)"
done

WORK=$(mktemp -d -t peer-bench.XXXXXX)
SERVICE_PID= PEER_PID= EXTRA_PID= LAUNCHED_PID=
stop() { # stop PID: ask, then wait up to 30 s before killing
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
# stop_postgres DATA_DIR: the embedded PostgreSQL of a service that ended without its shutdown hook
# (-XX:+ExitOnOutOfMemoryError halts the JVM) outlives it for a while and holds the data directory.
stop_postgres() {
  local pid
  pid=$(sed -n 1p "$1/pg/postmaster.pid" 2>/dev/null) || return 0
  [ -n "$pid" ] && grep -qs "$1/pg" "/proc/$pid/cmdline" || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -INT "$pid" 2>/dev/null || true # PostgreSQL's fast shutdown
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$LAUNCHED_PID"; stop "$EXTRA_PID"; stop "$PEER_PID"; stop "$SERVICE_PID"
  stop_postgres "$WORK/data"; stop_postgres "$WORK/fresh"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "-- $*"; }
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
mib() { echo "$(( ${1:-0} / 1024 )) MiB"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# launch LOGFILE JAR ENV=VALUE...: starts that packaged jar with those settings and JAVA_OPTS_NOW,
# waits until /q/health/ready is UP; sets LAUNCHED_PID, LAUNCHED_PORT, READY_MS. Fails (1) when the
# process exits before it is ready.
launch() {
  local logfile=$1 jar=$2; shift 2
  LAUNCHED_PORT=$(free_port)
  local start; start=$(now_ms)
  # shellcheck disable=SC2086 # JVM options are words
  env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$LAUNCHED_PORT" APP_CHECKS_CRON=off \
    APP_CHECKS_CATCH_UP_AT_START=false java ${JAVA_OPTS_NOW:-} -jar "$jar" >"$logfile" 2>&1 &
  LAUNCHED_PID=$!
  until curl -fs "http://127.0.0.1:$LAUNCHED_PORT/q/health/ready" >/dev/null 2>&1; do
    if ! kill -0 "$LAUNCHED_PID" 2>/dev/null; then
      wait "$LAUNCHED_PID" 2>/dev/null || true
      LAUNCHED_PID=
      return 1
    fi
    [ $(( $(now_ms) - start )) -lt 600000 ] || { tail -30 "$logfile" >&2; die "the service was not ready after 600 s"; }
    sleep 0.1
  done
  READY_MS=$(( $(now_ms) - start ))
}

# start_service [DATA_DIR]: the measured service in local mode on the bench data directory.
start_service() {
  local data=${1:-$WORK/data}
  stop_postgres "$data"
  if ! launch "$WORK/service.log" "$JAR" LOCAL_DATA_DIR="$data"; then
    # On a loaded machine the embedded PostgreSQL may miss zonky's 10 s start timeout: try once more.
    grep -q 'Cannot start the embedded PostgreSQL' "$WORK/service.log" || { tail -30 "$WORK/service.log" >&2; die "the service exited before it was ready (log above)"; }
    echo "   (the embedded PostgreSQL did not start in time; starting the service again)"
    stop_postgres "$data"
    launch "$WORK/service.log" "$JAR" LOCAL_DATA_DIR="$data" \
      || { tail -30 "$WORK/service.log" >&2; die "the service exited before it was ready (log above)"; }
  fi
  SERVICE_PID=$LAUNCHED_PID SERVICE_PORT=$LAUNCHED_PORT LAUNCHED_PID=
  PG_PORT=$(sed -n 4p "$data/pg/postmaster.pid")
  POSTMASTER_PID=$(sed -n 1p "$data/pg/postmaster.pid")
}

sql() { PGPASSWORD=postgres psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"; }

# config SHAPE LABEL QUERY: the JSON that load.js reads for a shape.
config() {
  cat <<EOF
{ "shape": "$1", "label": "$2", "connections": $CONNECTIONS, "rounds": $ROUNDS, "duration": $DURATION,
  "warmup": $WARMUP, "clockTicks": $(getconf CLK_TCK), "postmasterPid": $POSTMASTER_PID, "concurrent": 16,
  "sides": [
    { "name": "service", "url": "http://127.0.0.1:$SERVICE_PORT/graphql", "pid": ${SERVICE_PID:-0},
      "headers": { "authorization": "Bearer $TOKEN" }, "queryFile": "$HERE/queries/$3.service.graphql" },
    { "name": "peer", "url": "http://127.0.0.1:${PEER_PORT:-0}/graphql", "pid": ${PEER_PID:-0},
      "headers": {}, "queryFile": "$HERE/queries/$3.peer.graphql" } ] }
EOF
}
load() { NODE_PATH="$NPM_DIR/node_modules" node "$HERE/load.js" "$@"; }

LABELS=("" "50 units, 4 scalar fields" "50 items with status, assignments, unit, region"
  "every list, first 20 items, reports, assignments" "plans dashboard: indicators, target, latest, status")
QUERIES=("" 1-units 2-items 3-lists 4-plans)

echo "bench/peer on $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), node $(node --version)"
echo "scale $SCALE, shapes ${SHAPES:-none}, $ROUNDS rounds of $DURATION s per side after $WARMUP s warm-up, $CONNECTIONS connections, JAVA_OPTS=${JAVA_OPTS:-none}"

if [ -n "${PEER_NPM_DIR:-}" ]; then
  NPM_DIR=$PEER_NPM_DIR
  [ -x "$NPM_DIR/node_modules/.bin/postgraphile" ] && [ -d "$NPM_DIR/node_modules/autocannon" ] \
    || die "PEER_NPM_DIR=$NPM_DIR has no postgraphile and autocannon in node_modules"
else
  NPM_DIR=$WORK/npm
  log "installing postgraphile@4 and autocannon@7 with npm into $NPM_DIR"
  mkdir -p "$NPM_DIR" && echo '{ "private": true }' >"$NPM_DIR/package.json"
  (cd "$NPM_DIR" && npm install --no-audit --no-fund --loglevel=error postgraphile@4 autocannon@7 >"$WORK/npm.log" 2>&1) \
    || { cat "$WORK/npm.log" >&2; die "npm install failed"; }
fi

if [ ! -f "$JAR" ] || { [ "$STARTUP" = 1 ] && [ ! -f "$SERVICE_JAR" ]; }; then
  # Local mode's module with what it is made of: the service's jar is built on the way.
  log "no $JAR or $SERVICE_JAR: building them (./mvnw -B -q package -DskipTests -pl local -am)"
  ./mvnw -B -q package -DskipTests -pl local -am
fi

log "starting the service in local mode (JAVA_OPTS=${JAVA_OPTS:-none})"
JAVA_OPTS_NOW=${JAVA_OPTS:-}
start_service
log "service ready after $READY_MS ms on port $SERVICE_PORT; embedded PostgreSQL on port $PG_PORT"

log "loading the data set at scale $SCALE"
start=$(now_ms)
sql -v scale="$SCALE" -f "$HERE/data.sql"
sql -f "$HERE/peer.sql"
sql -At -F ' ' -c "select (select count(*) from unit), (select count(*) from responsibility_list),
  (select count(*) from responsibility), (select count(*) from responsibility_assignment),
  (select count(*) from progress_report), (select count(*) from plan), (select count(*) from indicator),
  (select count(*) from observation)" | {
  read -r units lists items assignments reports plans indicators observations
  echo "   in $(( $(now_ms) - start )) ms; the database holds $units units, $lists lists, $items items, $assignments assignments, $reports progress reports, $plans plans, $indicators indicators, $observations observations"
}
TOKEN=$(curl -fs -X POST "http://127.0.0.1:$SERVICE_PORT/local/token" -H 'content-type: application/json' -d "$TOKEN_REQUEST" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/') || die "no token from /local/token"
echo "   service caller: $TOKEN_REQUEST (reads region 510871 and below); PostGraphile: no authorization"

start_peer() {
  PEER_PORT=$(free_port)
  # Production flags: no GraphiQL, no query log, no mutations (a read benchmark), and the
  # recommended nullability of set-returning functions; the pool as large as the service's.
  NODE_ENV=production NODE_PATH="$NPM_DIR/node_modules" "$NPM_DIR/node_modules/.bin/postgraphile" \
    --connection "postgres://postgres:postgres@127.0.0.1:$PG_PORT/postgres" --schema public \
    --host 127.0.0.1 --port "$PEER_PORT" --max-pool-size 16 \
    --disable-graphiql --disable-query-log --disable-default-mutations --no-setof-functions-contain-nulls \
    --no-ignore-rbac --dynamic-json --simple-collections both \
    --append-plugins "$PWD/$HERE/peer-plugin.js" >"$WORK/peer.log" 2>&1 &
  PEER_PID=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PEER_PORT/graphql" -H 'content-type: application/json' -d '{"query":"{__typename}"}' >/dev/null 2>&1 && return
    kill -0 "$PEER_PID" 2>/dev/null || { cat "$WORK/peer.log" >&2; die "PostGraphile exited (log above)"; }
    sleep 0.1
  done
  die "PostGraphile was not ready after 60 s"
}

if [ -n "$SHAPES" ] || [ -n "$JFR_SHAPES" ]; then
  log "starting PostGraphile $(node -p "require('$NPM_DIR/node_modules/postgraphile/package.json').version") on the same database"
  start_peer
fi

if [ -n "$SHAPES" ]; then
  sleep 5
  IDLE_RSS=$(rss_kb "$SERVICE_PID")
  echo "   service RSS idle: $(mib "$IDLE_RSS")"
  for shape in ${SHAPES//,/ }; do
    config "$shape" "${LABELS[$shape]}" "${QUERIES[$shape]}" >"$WORK/shape$shape.json"
    load shape "$WORK/shape$shape.json" "$WORK/results.jsonl"
    echo "   service RSS after shape $shape: $(mib "$(rss_kb "$SERVICE_PID")")"
  done
  echo
  echo "== results (ratio = service req/s / peer req/s; latencies from every response of the measured rounds)"
  load table "$WORK/results.jsonl" "$IDLE_RSS"
fi

if [ -n "$JFR_SHAPES" ]; then
  for shape in ${JFR_SHAPES//,/ }; do
    echo
    echo "== JFR profile of the service under shape $shape (${LABELS[$shape]}), $JFR_SECONDS s, $CONNECTIONS connections"
    config "$shape" "${LABELS[$shape]}" "${QUERIES[$shape]}" >"$WORK/jfr$shape.json"
    load solo "$WORK/jfr$shape.json" 10 >/dev/null # warm-up outside the recording
    jcmd "$SERVICE_PID" JFR.start name=peerbench settings=profile >/dev/null
    load solo "$WORK/jfr$shape.json" "$JFR_SECONDS"
    jcmd "$SERVICE_PID" JFR.dump name=peerbench filename="$WORK/shape$shape.jfr" >/dev/null
    jcmd "$SERVICE_PID" JFR.stop name=peerbench >/dev/null
    jfr print --events jdk.ExecutionSample --stack-depth 64 "$WORK/shape$shape.jfr" | node "$HERE/jfr-top.js" 25
    if [ -n "${JFR_DIR:-}" ]; then mkdir -p "$JFR_DIR" && cp "$WORK/shape$shape.jfr" "$JFR_DIR/" && echo "   kept $JFR_DIR/shape$shape.jfr"; fi
  done
fi

if [ "$STARTUP" = 1 ]; then
  echo
  echo "== start-up, prod profile: launch to /q/health/ready UP (checks scheduler off; JAVA_OPTS=${JAVA_OPTS:-none})"
  # The production artifact (service/; local mode's jar refuses the prod profile) against the
  # database the local service runs, verifying local tokens with the public half of the local
  # signing key, as the tests configure quarkus.oidc.public-key.
  PUBLIC_KEY=$(openssl pkey -inform DER -in "$WORK/data/token-signing-key.der" -pubout -outform DER | base64 -w0)
  for i in 1 2; do
    launch "$WORK/prod.log" "$SERVICE_JAR" QUARKUS_PROFILE=prod LOG_JSON=false DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
      DB_USERNAME=postgres DB_PASSWORD=postgres QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" \
      QUARKUS_OIDC_TOKEN_ISSUER=urn:safety-governance:local \
      || { tail -30 "$WORK/prod.log" >&2; die "the service (prod profile) exited before it was ready (log above)"; }
    EXTRA_PID=$LAUNCHED_PID LAUNCHED_PID=
    me=$(curl -fs "http://127.0.0.1:$LAUNCHED_PORT/graphql" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
      -d '{"query":"{ me { code } }"}' || true)
    sleep 2
    echo "   prod profile, running PostgreSQL, start $i: ready after $READY_MS ms ($(grep -o 'started in [0-9.]*s' "$WORK/prod.log" | head -1)), RSS $(mib "$(rss_kb "$EXTRA_PID")"), a local token reads me: $me"
    stop "$EXTRA_PID"; EXTRA_PID=
  done
fi

if [ "$MEMORY" = 1 ] || [ "$STARTUP" = 1 ]; then
  stop "$PEER_PID"; PEER_PID=
  stop "$SERVICE_PID"; SERVICE_PID=
fi

if [ "$MEMORY" = 1 ]; then
  echo
  echo "== memory: 16 concurrent requests, service restarted with JAVA_OPTS=$MEMORY_JAVA_OPTS"
  JAVA_OPTS_NOW=$MEMORY_JAVA_OPTS
  for variant in 3-lists 3-lists-big; do
    [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null || { start_service; sleep 2; }
    echo "   $variant ($(sed -n 1p "$HERE/queries/$variant.service.graphql" | sed 's/^# //')); RSS before $(mib "$(rss_kb "$SERVICE_PID")")"
    config 3 "$variant" "$variant" >"$WORK/memory.json"
    load burst "$WORK/memory.json"
    sleep 1
    if kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "   the process is alive; RSS after $(mib "$(rss_kb "$SERVICE_PID")")$(grep -q OutOfMemoryError "$WORK/service.log" && echo '; its log shows OutOfMemoryError')"
    else
      wait "$SERVICE_PID" 2>/dev/null && code=0 || code=$?
      echo "   the process DIED (exit code $code)$(grep -q OutOfMemoryError "$WORK/service.log" && echo ': OutOfMemoryError in its log')"
      SERVICE_PID=
    fi
  done
  stop "$SERVICE_PID"; SERVICE_PID=
fi

if [ "$STARTUP" = 1 ]; then
  echo
  echo "== start-up, local mode (JAVA_OPTS=${JAVA_OPTS:-none})"
  JAVA_OPTS_NOW=${JAVA_OPTS:-}
  for i in 1 2; do
    start_service
    sleep 2
    echo "   local mode, restart on the bench data ($SCALE x), start $i: ready after $READY_MS ms ($(grep -o 'started in [0-9.]*s' "$WORK/service.log" | head -1)), RSS $(mib "$(rss_kb "$SERVICE_PID")")"
    stop "$SERVICE_PID"; SERVICE_PID=
  done
  start_service "$WORK/fresh"
  sleep 2
  echo "   local mode, new data directory (initdb, migrations, sample data): ready after $READY_MS ms ($(grep -o 'started in [0-9.]*s' "$WORK/service.log" | head -1)), RSS $(mib "$(rss_kb "$SERVICE_PID")")"
  stop "$SERVICE_PID"; SERVICE_PID=
fi
