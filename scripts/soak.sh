#!/usr/bin/env bash
# Soak: the jar under sidebyside.sh's load (wrk, cached tools/call get_artist_info, CONNS connections) for DURATION
# seconds with -Xmx256m, against a Last.fm stand-in on loopback (../shared/bench/stub-upstream.py when it exists,
# else a WireMock standalone from the local Maven repository fed from the test fixtures). Prints the heap used after a
# full GC and the RSS once warmed up and again at the end, every minute in between, and the audit records counted for
# the run's requests. Everything it starts stops by itself.
# usage: scripts/soak.sh [JAR]   env: DURATION (300) CONNS (32) WARMUP (30)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(realpath "${1:-target/lastfm-mcp.jar}")
DURATION=${DURATION:-300}; CONNS=${CONNS:-32}; WARMUP=${WARMUP:-30}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk"; exit 2; }
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
LOG=$(mktemp -d)
start_lastfm_stub "$LOG"
PP=$(free_port); MP=$(free_port); TOKEN=soak-$RANDOM$RANDOM
start_server "$LOG/server" "$PP" "$JAR" MANAGEMENT_PORT="$MP" MCP_ADMIN_TOKEN="$TOKEN"
wait_healthy "$PP" 600
JP=$(jvm_pid "$PP")
SID=$(open_session "$PP" soak)
write_wrk_script "$LOG/soak.lua" "$SID"
heap_after_gc() { # MB used after a full GC
  jcmd "$JP" GC.run >/dev/null
  jcmd "$JP" GC.heap_info | awk '/garbage-first heap|Shenandoah|ZHeap|def new generation|PSYoungGen/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); gsub(/[^0-9]/,"",v); printf "%.1f", v/1024; exit}}'
}
rss() { echo $(( $(ps -o rss= -p "$JP") / 1024 )); }
wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s "$LOG/soak.lua" "http://127.0.0.1:$PP/mcp" >/dev/null 2>&1
echo "soak: warmed up ${WARMUP}s: heap after GC $(heap_after_gc) MB, RSS $(rss) MB"
start=$(date +%s)
since=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s "$LOG/soak.lua" "http://127.0.0.1:$PP/mcp" >"$LOG/soak.wrk" 2>&1 & WP=$!
while kill -0 "$WP" 2>/dev/null; do
  sleep 60
  kill -0 "$WP" 2>/dev/null && echo "soak: $(( $(date +%s) - start )) s: RSS $(rss) MB"
done
wait "$WP" || true
sleep 2
until=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
echo "soak: after ${DURATION}s: heap after GC $(heap_after_gc) MB, RSS $(rss) MB"
echo "soak: wrk: $(grep -E 'requests in' "$LOG/soak.wrk" | xargs), $(grep Requests/sec "$LOG/soak.wrk" | xargs), p50 $(awk '$1=="50%"{print $2}' "$LOG/soak.wrk"), p99 $(awk '$1=="99%"{print $2}' "$LOG/soak.wrk"), non-2xx $(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$LOG/soak.wrk" | grep -o '[0-9]*$' || echo 0)"
summary=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$MP/observe/audit/summary?since=$since&until=$until")
echo "soak: audit records in the window (wrk counts only the answers it waited for: up to CONNS requests more were in flight when it stopped; the store keeps at most MCP_AUDIT_MAX_ENTRIES): $(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d.get("records", "?"))' "$summary" 2>/dev/null || echo '?')"
