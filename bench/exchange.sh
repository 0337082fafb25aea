#!/usr/bin/env bash
# Data exchange figures (docs/exchange.md): the bulk export of ~100,000 responsibility items and
# the change feed's pull rate. Build first (./mvnw -B package -DskipTests -pl local -am), then:
#   bench/exchange.sh [items] [port]
# Starts the packaged service in local mode on a new data directory with JAVA_OPTS (default
# -Xmx96m: the export must stream, not collect), adds one list with [items] items (default
# 100000), each with one LEAD assignment, straight in SQL (the change-log triggers run, so the
# insert time includes their cost), then prints:
#   - the insert time of the items with their triggers and the change-log rows they wrote;
#   - GET /export/responsibility.ndjson as admin: wall time, lines, bytes, and the peak RSS of
#     the java process sampled every 100 ms during the export (and before it);
#   - the feed as admin, changes(first: 500, recordTypes: [RESPONSIBILITY]) with record { id title },
#     pulled from the start until the end (or 120 s): changes/s and pages.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${1:-100000}
PORT=${2:-18481}
JAR=local/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw -B package -DskipTests -pl local -am first" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:--Xmx96m}
DATA=$(mktemp -d)
LOG=$(mktemp)
OUT=$(mktemp)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA" "$LOG" "$OUT"' EXIT

QUARKUS_HTTP_PORT=$PORT LOCAL_DATA_DIR=$DATA APP_CHECKS_CATCH_UP_AT_START=false \
  java $JAVA_OPTS -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.2
done
PGPORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
export PGPASSWORD=postgres
sql() { psql -qAt -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1"; }

echo "$(java -version 2>&1 | head -1), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=$JAVA_OPTS, $ITEMS items"
before=$(sql "select count(*) from change_log")
start=$(date +%s%N)
sql "
with issuer as (select id from unit order by id limit 1),
     list as (insert into responsibility_list (title, issuer_id) select 'Bench list', id from issuer returning id),
     items as (insert into responsibility (list_id, number, title, content, deadline_kind)
               select list.id, 'B' || n, 'Bench measure ' || n, 'The full text of bench measure number ' || n || ', as a document words it.', 'LONG_TERM'
               from list, generate_series(1, $ITEMS) n returning id)
insert into responsibility_assignment (responsibility_id, unit_id, role) select items.id, issuer.id, 'LEAD' from items, issuer;"
end=$(date +%s%N)
after=$(sql "select count(*) from change_log")
printf 'insert of %d items + assignments with change-log triggers: %d ms, %d change-log rows written\n' \
  "$ITEMS" $(( (end - start) / 1000000 )) $((after - before))

TOKEN=$(curl -fs -X POST -H 'Content-Type: application/json' -d '{"roles":["admin"]}' \
  "http://localhost:$PORT/local/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
rss_kb() { ps -o rss= -p "$PID" | tr -d ' '; }
idle=$(rss_kb)
peak=$idle
start=$(date +%s%N)
curl -fs -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/export/responsibility.ndjson" -o "$OUT" &
CURL=$!
while kill -0 "$CURL" 2>/dev/null; do
  r=$(rss_kb); [ "$r" -gt "$peak" ] && peak=$r
  sleep 0.1
done
wait "$CURL"
end=$(date +%s%N)
printf 'export /export/responsibility.ndjson: %d ms, %d lines, %d bytes (%.1f MiB), java RSS before %d MiB, peak during %d MiB\n' \
  $(( (end - start) / 1000000 )) "$(wc -l <"$OUT")" "$(stat -c %s "$OUT")" "$(echo "$(stat -c %s "$OUT") / 1048576" | bc -l)" \
  $((idle / 1024)) $((peak / 1024))
echo "last line: $(tail -1 "$OUT")"

python3 - "$PORT" "$TOKEN" <<'PY'
import json, sys, time, urllib.request
port, token = sys.argv[1], sys.argv[2]
query = ("query($a: String) { changes(after: $a, first: 500, recordTypes: [RESPONSIBILITY]) "
         "{ pageInfo { hasNextPage endCursor } edges { cursor node { recordId operation version record { ... on Responsibility { id title } } } } } }")
cursor, pages, changes, start = None, 0, 0, time.time()
while True:
    body = json.dumps({"query": query, "variables": {"a": cursor}}).encode()
    req = urllib.request.Request(f"http://localhost:{port}/graphql", body,
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    page = json.load(urllib.request.urlopen(req))["data"]["changes"]
    pages += 1
    changes += len(page["edges"])
    cursor = page["pageInfo"]["endCursor"]
    if not page["pageInfo"]["hasNextPage"] or time.time() - start > 120:
        break
took = time.time() - start
print(f"feed changes(first: 500, recordTypes: [RESPONSIBILITY]) with records: {changes} changes in {pages} pages, "
      f"{took:.1f} s, {changes / took:.0f} changes/s, {took / pages * 1000:.0f} ms/page")
PY
