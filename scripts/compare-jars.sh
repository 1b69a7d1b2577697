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
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
OUT=$(mktemp -d)
start_lastfm_stub "$OUT"
start() { # name jar java-opts
  local port; port=$(free_port)
  JAVA_OPTS=$3 start_server "$OUT/$1" "$port" "$2"
  echo "$port $!" >"$OUT/$1.pp"
}
start a "$A" "${JAVA_OPTS_A:-}"; start b "$B" "${JAVA_OPTS_B:-}"
for n in a b; do
  read -r port _ <"$OUT/$n.pp"
  wait_healthy "$port" 900
  sid=$(open_session "$port" compare)
  [ -n "$sid" ] || { echo "$n: no session ($OUT/$n.log)"; exit 1; }
  curl -s "${BENCH_HEADERS[@]}" -H "Mcp-Session-Id: $sid" -H 'MCP-Protocol-Version: 2025-06-18' -X POST "http://127.0.0.1:$port/mcp" -d "$BENCH_BODY" >"$OUT/$n.reply"
  grep -q '"result"' "$OUT/$n.reply" || { echo "$n: no result: $(head -c 300 "$OUT/$n.reply")"; exit 1; }
  write_wrk_script "$OUT/$n.lua" "$sid"
  echo "$port $(jvm_pid "$port")" >"$OUT/$n.pp"
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
