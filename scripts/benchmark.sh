#!/usr/bin/env bash
# Benchmarks against the app on loopback (WireMock upstreams; everything stops by itself):
# - ClientBenchmark: latency of a cached direct:lastfm-call and of a full cached tools/call over HTTP (1 and 8
#   clients), upstream calls made by a burst of identical and of distinct requests, one cold tools/call at a time
#   through the throttle;
# - StreamLoadBenchmark: what 200 open GET /mcp streams cost in threads and heap;
# - LogContextBenchmark: what the log context on every line (MDC per route entry) costs a cached tools/call,
#   counted (route entries x the work of an entry, bytes allocated) and measured (CPU per call on/off, alternating);
# - AuditLoadBenchmark: the server in its own JVM under 8 clients' cached tools/call, then the audit records of that
#   window counted through /observe/audit/summary: records == requests (nothing lost);
# - RateLimitBenchmark: the latency the rate-limit check adds to a counted request, single node (in-memory buckets)
#   and clustered (two cache managers on 127.0.0.1, replicated buckets), beside an exempt request;
# - HotPathBenchmark (JMH): a cached tools/call's pieces (reading the request, the correlation id, argument
#   validation, rendering, writing the reply) and whole requests through the routes (cached tools/call, ping,
#   tools/list), microseconds per operation.
# The report is printed and kept in target/benchmark-report.txt; it ends with one table of the project's own figures.
# BENCHMARKS="ClientBenchmark,HotPathBenchmark" picks some of them (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCHMARKS=${BENCHMARKS:-ClientBenchmark,StreamLoadBenchmark,RateLimitBenchmark,LogContextBenchmark,AuditLoadBenchmark,HotPathBenchmark}
rm -f target/benchmark-report.txt
junit=$(tr ',' '\n' <<<"$BENCHMARKS" | grep -v '^HotPathBenchmark$' | paste -sd, - || true)
if [ -n "$junit" ]; then
  mvn -q -B test -Dconformance.skip=true -Djacoco.skip=true -Dtest="$junit" \
      -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
else
  mvn -q -B test-compile -Djacoco.skip=true >/dev/null
fi
if grep -qx HotPathBenchmark <(tr ',' '\n' <<<"$BENCHMARKS"); then
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
  java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
      dev.lastfmmcp.bench.HotPathBenchmark >target/hotpath-jmh.log 2>&1 \
      || { echo "HotPathBenchmark failed (target/hotpath-jmh.log):"; tail -40 target/hotpath-jmh.log; exit 1; }
fi
cat target/benchmark-report.txt

# One table of the project's own figures, taken from the lines above.
report=target/benchmark-report.txt
jmh() { awk -v name="$1" '$1 == name { printf "%s us/op (+/- %s)", $2, $3 }' "$report"; }
line() { grep -F "$1" "$report" | head -1 | sed -e "s/^[^:]*: //" || true; }
row() { [ -n "$2" ] && printf '| %-58s | %s |\n' "$1" "$2" || true; }
{
  echo
  echo "| figure | value |"
  echo "|---|---|"
  row "cached tools/call, in process (JMH wholeCachedCall)" "$(jmh wholeCachedCall)"
  row "tools/list, in process (JMH wholeToolsList)" "$(jmh wholeToolsList)"
  row "ping, in process (JMH wholePing)" "$(jmh wholePing)"
  row "cached tools/call over HTTP, 1 client" "$(line 'cached tools/call over HTTP (1 client')"
  row "cached tools/call over HTTP, 8 clients" "$(line 'cached tools/call over HTTP (8 clients')"
  row "cold tools/call through the throttle, 1 client" "$(line 'cold tools/call over HTTP through the throttle')"
  row "25 distinct cold Last.fm calls at once" "$(line 'burst of 25 distinct cold calls')"
  row "rate-limit check, single node" "$(line 'single node, in-memory buckets')"
  row "rate-limit check, exempt loopback client" "$(line 'exempt (anonymous loopback client')"
} | tee -a "$report"
