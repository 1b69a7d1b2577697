#!/usr/bin/env bash
# How much of a cached tools/call is Camel's and how much this server's own path: the same wrk load (32
# connections, cached tools/call get_artist_info) on the raw Vert.x ceiling (../shared/bench/ceiling, when there),
# on a bare Camel route on the same stack (dev.lastfmmcp.bench.CamelFloor: platform-http, Jackson, a Caffeine
# cache, a wire-tap to a record), on that route with 40 more no-op steps and with 8 more direct: hops, and on the
# server's jar. After a warm-up of each (interleaved), interleaved measured rounds; prints per server the median
# req/s, CPU per request, p99, the CPU per request of its worker, event-loop and wire-tap threads, the time from
# its start to its first answer and its RSS after the rounds (all -Xmx256m).
# Everything it starts listens on 127.0.0.1 and stops by itself.
# usage: scripts/camel-floor.sh [JAR] [ROUNDS]   env: SECS (12), WARM_ROUNDS (3), CONNS (32)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(realpath "${1:-target/lastfm-mcp.jar}"); ROUNDS=${2:-2}; SECS=${SECS:-12}; CONNS=${CONNS:-32}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk"; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: mvn package -DskipTests first"; exit 2; }
[ -f target/test-classes/dev/lastfmmcp/bench/CamelFloor.class ] || mvn -q -B test-compile -Djacoco.skip=true
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
OUT=$(mktemp -d)
printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' "'$BENCH_BODY'" >"$OUT/plain.lua"
NAMES=(); declare -A PORT PID LUA START
since() { python3 -c "import time;print(round(time.time()-$1,2))"; }

answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  "http://127.0.0.1:$1/mcp" -d "$BENCH_BODY" 2>/dev/null)" = 200 ]; }
wait_answers() { for _ in $(seq 1 600); do answers "$1" && return 0; sleep 0.1; done; echo "no answer on $1"; exit 1; }

CEIL=${CEILING_JAR:-$HOME/.cache/mcp-ceiling/ceiling.jar}
if [ ! -f "$CEIL" ] && [ -d ../shared/bench/ceiling ]; then
  mkdir -p "$(dirname "$CEIL")"; B=$(mktemp -d); cp -r ../shared/bench/ceiling/. "$B"
  (cd "$B" && mvn -q -B package -DskipTests) >/dev/null && cp "$B/target/ceiling.jar" "$CEIL"
fi
if [ -f "$CEIL" ]; then
  p=$(free_port); t0=$(date +%s.%N); (PORT=$p exec java -Xmx256m -jar "$CEIL" >"$OUT/ceiling.log" 2>&1) & PIDS+=($!)
  wait_answers "$p"
  NAMES+=(ceiling); PORT[ceiling]=$p; PID[ceiling]=$(jvm_pid "$p"); LUA[ceiling]="$OUT/plain.lua"; START[ceiling]=$(since "$t0")
fi
floor() { # NAME STEPS HOPS
  local p t0; p=$(free_port); t0=$(date +%s.%N)
  (PORT=$p FLOOR_STEPS=$2 FLOOR_HOPS=$3 exec java -Xmx256m -cp "$JAR:target/test-classes" \
      dev.lastfmmcp.bench.CamelFloor >"$OUT/$1.log" 2>&1) & PIDS+=($!)
  wait_answers "$p"
  NAMES+=("$1"); PORT[$1]=$p; PID[$1]=$(jvm_pid "$p"); LUA[$1]="$OUT/plain.lua"; START[$1]=$(since "$t0")
}
floor camel-floor 0 0
floor floor+40-steps 40 0
floor floor+8-hops 0 8
start_lastfm_stub "$OUT"
p=$(free_port); t0=$(date +%s.%N)
start_server "$OUT/server" "$p" "$JAR"
wait_healthy "$p" 900
START[server]=$(since "$t0")
sid=$(open_session "$p" floor)
write_wrk_script "$OUT/server.lua" "$sid"
NAMES+=(server); PORT[server]=$p; PID[server]=$(jvm_pid "$p"); LUA[server]="$OUT/server.lua"

# CPU ticks per thread group of a JVM: worker, event loop, wire-tap, all
ticks() { python3 - "$1" <<'PY'
import os,sys
pid=sys.argv[1]; g={'worker':0,'loop':0,'tap':0,'all':0}
for t in os.listdir(f'/proc/{pid}/task'):
    try:
        s=open(f'/proc/{pid}/task/{t}/stat').read()
    except OSError:
        continue
    name=s[s.index('(')+1:s.rindex(')')]; f=s[s.rindex(')')+2:].split(); n=int(f[11])+int(f[12])
    g['all']+=n
    if name.startswith('vert.x-worker'): g['worker']+=n
    elif name.startswith('vert.x-eventloo'): g['loop']+=n
    elif name.startswith('Camel ('): g['tap']+=n
print(g['worker'],g['loop'],g['tap'],g['all'])
PY
}
for _ in $(seq 1 "${WARM_ROUNDS:-3}"); do
  for n in "${NAMES[@]}"; do wrk -t2 -c"$CONNS" -d10s -s "${LUA[$n]}" "http://127.0.0.1:${PORT[$n]}/mcp" >/dev/null; done
done
for r in $(seq 1 "$ROUNDS"); do
  for n in "${NAMES[@]}"; do
    a=$(ticks "${PID[$n]}")
    wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "${LUA[$n]}" "http://127.0.0.1:${PORT[$n]}/mcp" >"$OUT/$n.$r.wrk"
    echo "$n $r $a $(ticks "${PID[$n]}")" >>"$OUT/ticks"
  done
done
for n in "${NAMES[@]}"; do echo "$n ${START[$n]} $(ps -o rss= -p "${PID[$n]}" | tr -d ' ')" >>"$OUT/end"; done
python3 - "$OUT" "$(getconf CLK_TCK)" "${NAMES[@]}" <<'PY'
import re,statistics as st,sys
out,hz,names=sys.argv[1],int(sys.argv[2]),sys.argv[3:]
end={l.split()[0]:(float(l.split()[1]),int(l.split()[2])//1024) for l in open(f'{out}/end')}
def ms(s):
    m=re.match(r'([\d.]+)(us|ms|s|m)$',s.strip()); v=float(m.group(1)); u=m.group(2)
    return v/1000 if u=='us' else v*1000 if u=='s' else v*60000 if u=='m' else v
rows={n:[] for n in names}
for line in open(f'{out}/ticks'):
    f=line.split(); n,r=f[0],f[1]; a=list(map(int,f[2:6])); b=list(map(int,f[6:10]))
    t=open(f'{out}/{n}.{r}.wrk').read()
    req=int(re.search(r'(\d+) requests in',t).group(1))
    non=re.search(r'Non-2xx or 3xx responses: (\d+)',t)
    per=[(y-x)*1e6/hz/max(req,1) for x,y in zip(a,b)]
    rows[n].append((float(re.search(r'Requests/sec:\s+([\d.]+)',t).group(1)),per[3]/1000,
                    ms(re.search(r'^\s+99%\s+(\S+)',t,re.M).group(1)),per[0],per[1],per[2],int(non.group(1)) if non else 0))
print(f"{'':16} {'req/s':>7} {'CPU ms/req':>10} {'p99 ms':>7} {'worker us':>9} {'loop us':>8} {'tap us':>7} {'non-2xx':>7} {'start s':>7} {'RSS MB':>6}")
for n in names:
    m=[st.median(c) for c in zip(*rows[n])]
    print(f"{n:16} {m[0]:7.0f} {m[1]:10.3f} {m[2]:7.2f} {m[3]:9.1f} {m[4]:8.1f} {m[5]:7.1f} {sum(r[6] for r in rows[n]):7d} {end[n][0]:7.2f} {end[n][1]:6d}")
PY
