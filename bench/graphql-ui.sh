#!/usr/bin/env bash
# Proves the GraphQL UI that the README points to loads the schema: starts the packaged service in
# local mode, opens /q/graphql-ui in headless Chromium (Debian's chromium, driven by playwright-core
# from the npm registry, installed into a temporary directory), and prints how many types the UI's
# documentation explorer lists. Build first (./mvnw -B package -DskipTests -pl local -am), then:
#   bench/graphql-ui.sh [port]
# Needs /usr/bin/chromium (apt-get install chromium) and Node.js with npm.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-18490}
JAR=local/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw -B package -DskipTests -pl local -am first" >&2; exit 1; }
DATA=$(mktemp -d)
LOG=$(mktemp)
NODE_DIR=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA" "$LOG" "$NODE_DIR"' EXIT

(cd "$NODE_DIR" && npm init -y >/dev/null && npm install --silent playwright-core@1 >/dev/null)
cp bench/graphql-ui/check.mjs "$NODE_DIR/"

QUARKUS_HTTP_PORT=$PORT LOCAL_DATA_DIR=$DATA java -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.2
done
echo "$(chromium --version 2>/dev/null), playwright-core $(node -p "require('$NODE_DIR/node_modules/playwright-core/package.json').version")"
node "$NODE_DIR/check.mjs" "http://localhost:$PORT"
