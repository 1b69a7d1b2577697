#!/usr/bin/env bash
# Two jars under the same load at the same time: both run (-Xmx256m, own ports, one Last.fm stand-in on loopback),
# then interleaved wrk rounds of a cached tools/call get_artist_info on each, after a warm-up of both. On a shared,
# noisy machine this shows a change the side-by-side median cannot (its median round is the JIT's warm-up). Prints
# each round (req/s, server CPU ms per request, p99, non-2xx), the medians, B/A ratios and both RSS. Everything it
# starts stops by itself.
# usage: scripts/compare-jars.sh JAR_A JAR_B [ROUNDS] [SECONDS] [CONNS]   env: WARM (40), JAVA_OPTS_A, JAVA_OPTS_B
set -euo pipefail
cd "$(dirname "$0")/.."
A=$(realpath "$1"); B=$(realpath "$2"); ROUNDS=${3:-4}; SECS=${4:-12}; CONNS=${5:-32}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk"; exit 2; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
PIDS=(); cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }; trap cleanup EXIT
OUT=$(mktemp -d)
FP=$(free_port)
STUB=../shared/bench/stub-upstream.py
if [ -f "$STUB" ]; then
  python3 "$STUB" "$FP" >"$OUT/stub.log" 2>&1 & PIDS+=($!)
else
  WM=$(find ~/.m2/repository/org/wiremock/wiremock-standalone -name 'wiremock-standalone-*.jar' | sort | tail -1)
  mkdir -p "$OUT/wm/mappings" "$OUT/wm/__files"
  cp src/test/resources/fixtures/lastfm/artist.getInfo__the-weeknd.json "$OUT/wm/__files/artist.json"
  echo '{"request":{"urlPath":"/2.0/"},"response":{"status":200,"bodyFileName":"artist.json","headers":{"Content-Type":"application/json"}}}' \
    >"$OUT/wm/mappings/artist.json"
  java -jar "$WM" --bind-address 127.0.0.1 --port "$FP" --root-dir "$OUT/wm" --disable-banner >"$OUT/stub.log" 2>&1 & PIDS+=($!)
fi
H=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
BODY='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_artist_info","arguments":{"artist":"The Weeknd"}}}'
start() { # name jar java-opts
  local port; port=$(free_port); mkdir -p "$OUT/$1"
  # shellcheck disable=SC2086
  ( cd "$OUT/$1" && exec env PORT=$port BIND_HOST=127.0.0.1 MANAGEMENT_PORT=0 MUSICBRAINZ_ENABLED=false \
      LASTFM_API_KEY=feedfacecafebeef0123456789abcdef LASTFM_SHARED_SECRET=5ec7e75ec7e75ec7e75ec7e75ec7e700 \
      LASTFM_API_URL="http://127.0.0.1:$FP/2.0/" PUBLIC_BASE_URL="http://127.0.0.1:$port" \
      java -Xmx256m $3 -jar "$2" >"$OUT/$1.log" 2>&1 ) & PIDS+=($!)
  echo "$port $!" >"$OUT/$1.pp"
}
start a "$A" "${JAVA_OPTS_A:-}"; start b "$B" "${JAVA_OPTS_B:-}"
for n in a b; do
  read -r port pid <"$OUT/$n.pp"
  for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  sid=$(curl -s -D - -o /dev/null "${H[@]}" -X POST "http://127.0.0.1:$port/mcp" -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"compare","version":"1"}}}' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}' | tr -d '\r')
  [ -n "$sid" ] || { echo "$n: no session ($OUT/$n.log)"; exit 1; }
  curl -s -o /dev/null "${H[@]}" -H "Mcp-Session-Id: $sid" -H 'MCP-Protocol-Version: 2025-06-18' -X POST "http://127.0.0.1:$port/mcp" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  curl -s "${H[@]}" -H "Mcp-Session-Id: $sid" -H 'MCP-Protocol-Version: 2025-06-18' -X POST "http://127.0.0.1:$port/mcp" -d "$BODY" >"$OUT/$n.reply"
  grep -q '"result"' "$OUT/$n.reply" || { echo "$n: no result: $(head -c 300 "$OUT/$n.reply")"; exit 1; }
  cat >"$OUT/$n.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.headers["Mcp-Session-Id"] = "$sid"
LUA
  # the JVM's own pid (the one that counts CPU), from the listening socket
  jp=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2); echo "$port $jp" >"$OUT/$n.pp"
done
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
run() { # name seconds -> "rps cpu_ms/req p99 non2xx"
  local port pid a b req rps non; read -r port pid <"$OUT/$1.pp"
  a=$(ticks "$pid")
  wrk -t2 -c"$CONNS" -d"${2}s" --latency -s "$OUT/$1.lua" "http://127.0.0.1:$port/mcp" >"$OUT/$1.wrk" 2>&1
  b=$(ticks "$pid"); req=$(grep -o '[0-9]* requests in' "$OUT/$1.wrk" | cut -d' ' -f1)
  rps=$(grep Requests/sec "$OUT/$1.wrk" | awk '{print $2}')
  non=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$OUT/$1.wrk" | grep -o '[0-9]*$' || echo 0)
  echo "$rps $(python3 -c "print(round(($b-$a)*1000/$(getconf CLK_TCK)/$req,3))") $(grep ' 99%' "$OUT/$1.wrk" | awk '{print $2}') $non"
}
for n in a b; do run "$n" "${WARM:-40}" >/dev/null; done
RA=(); RB=()
for i in $(seq 1 "$ROUNDS"); do
  ra=$(run a "$SECS"); rb=$(run b "$SECS"); RA+=("$ra"); RB+=("$rb")
  echo "round $i  A: rps cpu_ms/req p99 non2xx = $ra   B: $rb"
done
python3 - "${#RA[@]}" "${RA[@]}" "${RB[@]}" <<'PY'
import sys, statistics as st
n = int(sys.argv[1]); a = sys.argv[2:2 + n]; b = sys.argv[2 + n:]
m = lambda rows, i: st.median(float(r.split()[i]) for r in rows)
print(f"MEDIAN A rps={m(a,0):.0f} cpu_ms/req={m(a,1):.3f}   B rps={m(b,0):.0f} cpu_ms/req={m(b,1):.3f}   "
      f"B/A cpu={m(b,1)/m(a,1):.2f} rps={m(b,0)/m(a,0):.2f}")
PY
for n in a b; do read -r port pid <"$OUT/$n.pp"; echo "$n rss_mb=$(( $(ps -o rss= -p "$pid") / 1024 ))"; done
