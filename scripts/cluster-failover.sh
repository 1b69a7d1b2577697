#!/usr/bin/env bash
# Two-node failover on loopback, with the built jar as an operator runs it (issue 17's proof). Called by `mvn verify`
# (integration-test phase, before the conformance suite); by hand:
#   scripts/cluster-failover.sh target/lastfm-mcp.jar ~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar
# Starts a WireMock Last.fm (auth.getSession only) and nodes A and B (`java -jar`, MCP_CLUSTER=true, JGroups
# TCP/TCPPING on 127.0.0.1, free HTTP, management and JGroups ports, own data directories, one encryption key), then:
#   1. signs in through A's pages (the session_id) and initializes an MCP session on A; a tool call on B with the
#      same session answers as the signed-in user;
#   2. spends 30 of the user's 50 tokens alternately on A and B;
#   3. kill -9 A; B keeps serving the session (the first request after the kill is the failover stall), spends the
#      other 20 and refuses the 51st with 429, Retry-After, RateLimit headers and JSON-RPC -32000;
#   4. every answered MCP request has its audit record on B (/observe/audit/export with MCP_ADMIN_TOKEN);
#   5. A restarts on its old ports and data directory, rejoins (both views show two members), serves the session,
#      refuses the user too (the bucket came back by state transfer) and has the audit records;
#   6. A freezes (SIGSTOP): B still opens a new session (written to both owners) once the heartbeats have A suspected.
# The hour limit is 50 as well: Bucket4j refills the minute's tokens greedily (one every 1.2 s), the hour's one every
# 72 s, so "429 after the 50th" is exact for a run shorter than that. Anonymous loopback clients are exempt from the
# limit by default; a signed-in user is limited wherever they come from.
# Bounded: every wait has a deadline and a watchdog ends the run after CLUSTER_FAILOVER_TIMEOUT (120 s). Only the
# processes started here are stopped, by PID. Prints its figures; exits non-zero when a check fails.
set -euo pipefail

JAR=${1:-target/lastfm-mcp.jar}
WIREMOCK_JAR=${2:-$HOME/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar}
FIXTURES=${FIXTURES:-$(cd "$(dirname "$0")/.." && pwd)/src/test/resources/fixtures/lastfm}
LIMIT_SECONDS=${CLUSTER_FAILOVER_TIMEOUT:-120}
WORK=$(cd "$(dirname "$JAR")" && pwd)/cluster-failover
# C1 only and a small serial heap: three JVMs share the machine's cores for a run of a minute
JAVA_OPTS=(-Djava.net.preferIPv4Stack=true -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

[ -f "$JAR" ] || { echo "cluster-failover: no jar at $JAR (mvn package first)"; exit 1; }
[ -f "$WIREMOCK_JAR" ] || { echo "cluster-failover: no WireMock standalone jar at $WIREMOCK_JAR"; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK/wiremock/mappings" "$WORK/wiremock/__files" "$WORK/a" "$WORK/b"

now_ms() { date +%s%3N; }
T0=$(now_ms)
elapsed() { echo $(( $(now_ms) - T0 )); }

PIDS=()
WATCHDOG=
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    # a node frozen by step 6 takes SIGTERM only once it runs again
    kill -CONT "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$WATCHDOG" ]; then kill "$WATCHDOG" 2>/dev/null || true; wait "$WATCHDOG" 2>/dev/null || true; fi
}
trap cleanup EXIT
# the watchdog: after the time limit this script is told to stop (its EXIT trap then stops what it started)
(
  trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
  sleep "$LIMIT_SECONDS" & sleeper=$!
  wait "$sleeper"
  echo "cluster-failover: FAIL not done within ${LIMIT_SECONDS} s"
  kill -TERM $$
) &
WATCHDOG=$!
trap 'exit 124' TERM

fail() {
  echo "cluster-failover: FAIL $*"
  for log in "$WORK"/*.log; do
    [ -f "$log" ] && { echo "--- $(basename "$log") (last 40 lines)"; tail -n 40 "$log"; }
  done
  exit 1
}
# kill_node <pid>: kill -9 (a frozen node too), reaped: its PID is no longer this run's to stop
kill_node() {
  local pid remaining=()
  kill -9 "$1"
  wait "$1" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do [ "$pid" = "$1" ] || remaining+=("$pid"); done
  PIDS=("${remaining[@]}")
}
CHECKS=0
pass() { CHECKS=$((CHECKS + 1)); echo "cluster-failover: ok   $*"; }

# shellcheck source=scripts/ports.sh
. "$(dirname "$0")/ports.sh"
TAKEN=" "
# pick_port <low> <high>: sets PICKED to a port nobody listens on (and not handed out before in this run)
pick_port() {
  local port
  for _ in $(seq 1 500); do
    port=$(( $1 + RANDOM % ($2 - $1) ))
    if [[ "$TAKEN" != *" $port "* ]] && port_free "$port"; then TAKEN+="$port "; PICKED=$port; return 0; fi
  done
  fail "no free port on 127.0.0.1 between $1 and $2"
}
# pick_cluster_port: a JGroups port p with p + 50000 (the failure detector) free too
pick_cluster_port() {
  for _ in $(seq 1 200); do
    pick_port 10000 15500
    if port_free $((PICKED + 50000)); then return 0; fi
  done
  fail "no free JGroups port pair on 127.0.0.1"
}

# HTTP ports between the JGroups ones and the ephemeral range (see ports.sh)
EPHEMERAL_LOW=$(ephemeral_low)
pick_port 16000 "$EPHEMERAL_LOW"; WM_PORT=$PICKED
pick_port 16000 "$EPHEMERAL_LOW"; MGMT_A=$PICKED
pick_port 16000 "$EPHEMERAL_LOW"; MGMT_B=$PICKED
pick_cluster_port; JG_A=$PICKED
pick_cluster_port; JG_B=$PICKED
MEMBERS="127.0.0.1[$JG_A],127.0.0.1[$JG_B]"
ADMIN_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)

# --- WireMock Last.fm: auth.getSession answers AliceListens' session -----------------------------------------------
sed 's/MyLastFMUsername/AliceListens/' "$FIXTURES/auth.getSession__ok.json" > "$WORK/wiremock/__files/auth.getSession.json"
cat > "$WORK/wiremock/mappings/auth-getsession.json" <<'JSON'
{"request": {"method": "GET", "urlPath": "/2.0/", "queryParameters": {"method": {"equalTo": "auth.getSession"}}},
 "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "bodyFileName": "auth.getSession.json"}}
JSON
java -Xmx128m -jar "$WIREMOCK_JAR" --port "$WM_PORT" --bind-address 127.0.0.1 --root-dir "$WORK/wiremock" \
    --disable-banner >"$WORK/wiremock.log" 2>&1 &
PIDS+=($!)

# start_node <name> <jgroups port> <management port> <log>: starts the jar in the background; sets NODE_PID
start_node() {
  local name=$1 jgroups=$2 management=$3 log=$4
  env LASTFM_API_KEY=0123456789abcdef0123456789abcdef LASTFM_SHARED_SECRET=cluster-failover-shared-secret \
      LASTFM_API_URL="http://127.0.0.1:$WM_PORT/2.0/" PORT=0 BIND_HOST=127.0.0.1 \
      MANAGEMENT_PORT="$management" MANAGEMENT_HOST=127.0.0.1 MCP_ADMIN_TOKEN="$ADMIN_TOKEN" \
      MCP_DATA_DIR="$WORK/$name" MCP_ENCRYPTION_KEY="$ENCRYPTION_KEY" \
      MCP_RATE_LIMIT_PER_MINUTE=50 MCP_RATE_LIMIT_PER_HOUR=50 \
      MCP_CLUSTER=true MCP_CLUSTER_BIND=127.0.0.1 MCP_CLUSTER_PORT="$jgroups" MCP_CLUSTER_MEMBERS="$MEMBERS" \
      MCP_NODE_NAME="node-$name" MCP_CLUSTER_JOIN_TIMEOUT=500ms \
      java "${JAVA_OPTS[@]}" -jar "$JAR" >"$WORK/$log.log" 2>&1 &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
}

# ready_url <log>: the node's MCP URL from its ready line (empty before it)
ready_url() {
  grep -o 'ready at http://127\.0\.0\.1:[0-9]*/mcp' "$WORK/$1.log" 2>/dev/null | sed -n '$s/^ready at //p' || true
}
# await_ready <log> <pid>: waits for the ready line; prints the node's MCP base URL
await_ready() {
  until [ -n "$(ready_url "$1")" ]; do
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  ready_url "$1"
}

# members <management port>: how many members the node's readiness shows in its cluster view (0 when it answers not)
members() {
  local ready list
  ready=$(curl -s --max-time 3 "http://127.0.0.1:$1/observe/health/ready" || true)
  list=$(printf '%s' "$ready" | grep -o '"members":\[[^]]*\]' || true)
  list=${list#\"members\":[}
  list=${list%]}
  if [ -z "$list" ]; then echo 0; else echo $(( $(printf '%s' "$list" | tr -cd ',' | wc -c) + 1 )); fi
}
await_members() {
  local port=$1 wanted=$2
  until [ "$(members "$port")" = "$wanted" ]; do sleep 0.1; done
}

# mcp <url> <session or -> <body>: POSTs one JSON-RPC message; sets STATUS, BODY, HEADERS, MS (the round trip)
SENT=0
mcp() {
  local url=$1 session=$2 body=$3 started
  local args=(-s --max-time 30 -D "$WORK/headers" -o "$WORK/body" -w '%{http_code}' -X POST "$url"
              -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' --data "$body")
  if [ "$session" != "-" ]; then args+=(-H "Mcp-Session-Id: $session" -H 'MCP-Protocol-Version: 2025-11-25'); fi
  started=$(now_ms)
  rm -f "$WORK/body" "$WORK/headers"
  STATUS=$(curl "${args[@]}") || STATUS=000
  MS=$(( $(now_ms) - started ))
  BODY=$(cat "$WORK/body" 2>/dev/null || true)
  HEADERS=$(tr -d '\r' < "$WORK/headers" 2>/dev/null || true)
  SENT=$((SENT + 1))
}
tool() { mcp "$1" "$2" "{\"jsonrpc\":\"2.0\",\"id\":$3,\"method\":\"tools/call\",\"params\":{\"name\":\"$4\",\"arguments\":$5}}"; }
header() { printf '%s\n' "$HEADERS" | grep -i "^$1:" | cut -d' ' -f2- | sed -n 1p || true; }

# --- 1. both nodes up and joined -------------------------------------------------------------------------------------
start_node a "$JG_A" "$MGMT_A" node-a; PID_A=$NODE_PID; START_A=$(now_ms)
start_node b "$JG_B" "$MGMT_B" node-b; PID_B=$NODE_PID; START_B=$(now_ms)
READY_A=; READY_B=
until [ -n "$READY_A" ] && [ -n "$READY_B" ]; do
  [ -z "$READY_A" ] && [ -n "$(ready_url node-a)" ] && READY_A=$(( $(now_ms) - START_A ))
  [ -z "$READY_B" ] && [ -n "$(ready_url node-b)" ] && READY_B=$(( $(now_ms) - START_B ))
  kill -0 "$PID_A" 2>/dev/null || fail "node A did not start"
  kill -0 "$PID_B" 2>/dev/null || fail "node B did not start"
  sleep 0.1
done
BASE_A=$(ready_url node-a); BASE_B=$(ready_url node-b)
BASE_A=${BASE_A%/mcp}; BASE_B=${BASE_B%/mcp}
await_members "$MGMT_A" 2
await_members "$MGMT_B" 2
JOINED=$(( $(now_ms) - START_A ))
pass "A ready in ${READY_A} ms, B in ${READY_B} ms, both see 2 members ${JOINED} ms after launch"

# --- 2. sign in through A's pages, session on A, tool on B -----------------------------------------------------------
LOGIN=$(curl -s --max-time 30 -D - -o /dev/null "$BASE_A/login" | tr -d '\r') || fail "GET /login on A failed"
CB=$(printf '%s\n' "$LOGIN" | grep -i '^Location:' | grep -o '[?&]cb=[^&]*' | cut -d= -f2- || true)
COOKIE=$(printf '%s\n' "$LOGIN" | grep -i '^Set-Cookie:' | cut -d' ' -f2 | cut -d';' -f1 || true)
[ -n "$CB" ] && [ -n "$COOKIE" ] || fail "GET /login on A gave no Last.fm redirect with a callback and a cookie: $LOGIN"
CALLBACK=$(printf '%b' "${CB//%/\\x}")
PAGE=$(curl -s --max-time 30 -H "Cookie: $COOKIE" "$CALLBACK&token=clusterfailover0token") \
  || fail "the sign-in callback on A failed"
SESSION_ID=$(printf '%s' "$PAGE" | grep -o '/mcp?session_id=[A-Za-z0-9_-]*' | cut -d= -f2 | sed -n 1p || true)
[ -n "$SESSION_ID" ] || fail "the sign-in page on A showed no personal URL: $PAGE"
pass "signed in as AliceListens through node A (Last.fm stand-in on port $WM_PORT)"
MCP_A="$BASE_A/mcp?session_id=$SESSION_ID"
MCP_B="$BASE_B/mcp?session_id=$SESSION_ID"

mcp "$MCP_A" - '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"cluster-failover","version":"1"}}}'
[ "$STATUS" = 200 ] || fail "initialize on A: HTTP $STATUS $BODY"
SESSION=$(header Mcp-Session-Id)
[ -n "$SESSION" ] || fail "initialize on A gave no Mcp-Session-Id"
mcp "$MCP_A" "$SESSION" '{"jsonrpc":"2.0","method":"notifications/initialized"}'
[ "$STATUS" = 202 ] || fail "notifications/initialized on A: HTTP $STATUS"
tool "$MCP_B" "$SESSION" 2 lastfm_auth_status '{}'
[ "$STATUS" = 200 ] && [[ "$BODY" == *'Signed in as **AliceListens**'* ]] \
  || fail "lastfm_auth_status on B with A's session: HTTP $STATUS $BODY"
pass "the session initialized on A answers on B as the signed-in user"
SPENT=1

# --- 3. 30 of the 50 tokens, alternately on A and B --------------------------------------------------------------------
ON_A=0; ON_B=1
while [ "$SPENT" -lt 30 ]; do
  if (( SPENT % 2 == 1 )); then url=$MCP_A; ON_A=$((ON_A + 1)); else url=$MCP_B; ON_B=$((ON_B + 1)); fi
  tool "$url" "$SESSION" $((SPENT + 2)) ping "{\"message\":\"spend $SPENT\"}"
  [ "$STATUS" = 200 ] && [[ "$BODY" == *"pong: spend $SPENT"* ]] || fail "request $((SPENT + 1)): HTTP $STATUS $BODY"
  SPENT=$((SPENT + 1))
done
pass "30 counted requests admitted ($ON_A on A, $ON_B on B)"
ANSWERED_BEFORE_KILL=$SENT

# --- 4. kill -9 A: B serves the session and the limit ------------------------------------------------------------------
kill_node "$PID_A"
KILLED=$(now_ms)
tool "$MCP_B" "$SESSION" 100 ping '{"message":"after the kill"}'
STALL=$MS
[ "$STATUS" = 200 ] && [[ "$BODY" == *'pong: after the kill'* ]] || fail "first request on B after kill -9 A: HTTP $STATUS $BODY"
SPENT=$((SPENT + 1))
pass "B answered the first request after kill -9 A in ${STALL} ms"
NOTICE=0
while [ "$SPENT" -lt 50 ]; do
  tool "$MCP_B" "$SESSION" $((SPENT + 100)) ping "{\"message\":\"spend $SPENT\"}"
  [ "$STATUS" = 200 ] || fail "request $((SPENT + 1)) on B: HTTP $STATUS $BODY"
  [[ "$BODY" == *'requests per minute left'* ]] && NOTICE=$((NOTICE + 1))
  SPENT=$((SPENT + 1))
done
[ "$NOTICE" -gt 0 ] || fail "no near-limit notice in the tool results past 80 % of the window"
pass "B admitted requests 31 to 50 ($NOTICE of them with the near-limit notice)"
tool "$MCP_B" "$SESSION" 200 ping '{"message":"one too many"}'
RETRY_AFTER=$(header Retry-After)
[ "$STATUS" = 429 ] || fail "the 51st request on B: HTTP $STATUS, expected 429: $BODY"
[ -n "$RETRY_AFTER" ] && [ -n "$(header RateLimit-Policy)" ] && [ -n "$(header RateLimit)" ] \
  || fail "the 429 lacks Retry-After, RateLimit-Policy or RateLimit: $HEADERS"
[[ "$BODY" == *'"code":-32000'* && "$BODY" == *'Rate limit exceeded: 50 requests per'*'for user AliceListens'* ]] \
  || fail "the 429's JSON-RPC error: $BODY"
pass "the 51st request in total got 429 (Retry-After $RETRY_AFTER s): $(printf '%s' "$BODY" | grep -o 'Rate limit exceeded[^"]*')"
await_members "$MGMT_B" 1
VIEW_AFTER_KILL=$(( $(now_ms) - KILLED ))
mcp "$MCP_B" "$SESSION" '{"jsonrpc":"2.0","id":300,"method":"tools/list"}'
[ "$STATUS" = 200 ] || fail "tools/list (not counted) on B after the refusal: HTTP $STATUS"
pass "B alone: its view shows 1 member ${VIEW_AFTER_KILL} ms after the kill; uncounted requests still served"

# --- 5. audit records of every answered request on B -------------------------------------------------------------------
audit_count() {
  curl -s --max-time 10 -H "Authorization: Bearer $ADMIN_TOKEN" \
      "http://127.0.0.1:$1/observe/audit/export?user=AliceListens" | grep -c '"correlationId"' || true
}
AUDIT_DEADLINE=$(( $(now_ms) + 15000 ))
until [ "$(audit_count "$MGMT_B")" = "$SENT" ] || [ "$(now_ms)" -gt "$AUDIT_DEADLINE" ]; do sleep 0.2; done
AUDIT_B=$(audit_count "$MGMT_B")
[ "$AUDIT_B" = "$SENT" ] || fail "audit records for AliceListens on B: $AUDIT_B, requests answered: $SENT"
LIMITED_B=$(curl -s --max-time 10 -H "Authorization: Bearer $ADMIN_TOKEN" \
    "http://127.0.0.1:$MGMT_B/observe/audit/export?user=AliceListens" | grep -c '"status":429' || true)
[ "$LIMITED_B" = 1 ] || fail "audit records of the 429 on B: $LIMITED_B"
AUDITED_ON_B=$SENT
pass "B holds the audit records of all $SENT answered requests ($ANSWERED_BEFORE_KILL of them answered before A died, 1 refusal)"

# --- 6. A restarts and rejoins ----------------------------------------------------------------------------------------
start_node a "$JG_A" "$MGMT_A" node-a-restarted; PID_A=$NODE_PID; RESTART=$(now_ms)
BASE_A=$(await_ready node-a-restarted "$PID_A") || fail "node A did not restart"
BASE_A=${BASE_A%/mcp}
await_members "$MGMT_A" 2
await_members "$MGMT_B" 2
REJOIN=$(( $(now_ms) - RESTART ))
pass "A restarted and rejoined: both see 2 members ${REJOIN} ms after its launch"
MCP_A="$BASE_A/mcp?session_id=$SESSION_ID"
mcp "$MCP_A" "$SESSION" '{"jsonrpc":"2.0","id":400,"method":"tools/list"}'
[ "$STATUS" = 200 ] || fail "the session on the restarted A: HTTP $STATUS $BODY"
tool "$MCP_A" "$SESSION" 401 ping '{"message":"still limited"}'
[ "$STATUS" = 429 ] || fail "the restarted A admitted the user over the limit: HTTP $STATUS $BODY"
pass "the restarted A serves the session and refuses the user (the bucket came back with the state transfer)"
AUDIT_DEADLINE=$(( $(now_ms) + 15000 ))
until [ "$(audit_count "$MGMT_A")" = "$SENT" ] || [ "$(now_ms)" -gt "$AUDIT_DEADLINE" ]; do sleep 0.2; done
AUDIT_A=$(audit_count "$MGMT_A")
[ "$AUDIT_A" = "$SENT" ] || fail "audit records for AliceListens on the restarted A: $AUDIT_A of $SENT"
pass "the restarted A reads all $SENT audit records"

# --- 7. A freezes (SIGSTOP: its sockets stay open, only missing heartbeats tell): B still answers ---------------------
# a new session on B is written to both owners, A among them: B waits until A is suspected and leaves the view
kill -STOP "$PID_A"
FROZEN=$(now_ms)
mcp "$BASE_B/mcp" - '{"jsonrpc":"2.0","id":500,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"cluster-failover","version":"1"}}}'
FREEZE_STALL=$MS
[ "$STATUS" = 200 ] && [[ "$BODY" == *'"protocolVersion"'* ]] \
  || fail "initialize on B while A is frozen: HTTP $STATUS after $FREEZE_STALL ms: $BODY"
await_members "$MGMT_B" 1
VIEW_AFTER_FREEZE=$(( $(now_ms) - FROZEN ))
kill_node "$PID_A"
pass "B opened a session while A was frozen, in ${FREEZE_STALL} ms; its view shows 1 member ${VIEW_AFTER_FREEZE} ms after the freeze"

for log in "$WORK"/node-*.log; do
  if grep -q -e "$SESSION_ID" -e "$ENCRYPTION_KEY" -e "$ADMIN_TOKEN" -e cluster-failover-shared-secret "$log"; then
    fail "a secret is in $(basename "$log")"
  fi
done
pass "no sign-in id, key, admin token or shared secret in either node's output"

echo "cluster-failover: figures"
echo "  start to ready: node A ${READY_A} ms, node B ${READY_B} ms; two-member view ${JOINED} ms after launch"
echo "  requests: $SENT answered; $SPENT counted ones admitted ($ON_A on A, $((SPENT - ON_A)) on B), then 429 on B and on the restarted A"
echo "  failover stall (first request on B after kill -9 A): ${STALL} ms; B's view down to 1 member after ${VIEW_AFTER_KILL} ms"
echo "  audit records on B after the kill: $AUDIT_B of $AUDITED_ON_B answered; on the restarted A: $AUDIT_A of $SENT"
echo "  A restart to two-member view (rejoin and state transfer): ${REJOIN} ms"
echo "  A frozen (SIGSTOP): a new session on B in ${FREEZE_STALL} ms; B's view down to 1 member after ${VIEW_AFTER_FREEZE} ms"
echo "cluster-failover: PASS ($CHECKS checks in $(( $(elapsed) / 1000 )) s)"
