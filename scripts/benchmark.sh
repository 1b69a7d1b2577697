#!/usr/bin/env bash
# Benchmarks against the app on loopback (WireMock upstreams; everything stops by itself):
# - ClientBenchmark: latency of a cached direct:lastfm-call and of a full cached tools/call over HTTP (1 and 8
#   clients), upstream calls made by a burst of identical and of distinct requests;
# - StreamLoadBenchmark: what 200 open GET /mcp streams cost in threads and heap;
# - LogContextBenchmark: what the log context on every line (MDC per route entry) costs a cached tools/call,
#   counted (route entries x the work of an entry, bytes allocated) and measured (CPU per call on/off, alternating);
# - AuditLoadBenchmark: the server in its own JVM under 8 clients' cached tools/call, then the audit records of that
#   window counted through /observe/audit/summary: records == requests (nothing lost);
# - RateLimitBenchmark: the latency the rate-limit check adds to a counted request, single node (in-memory buckets)
#   and clustered (two cache managers on 127.0.0.1, replicated buckets), beside an exempt request.
# The report is printed and kept in target/benchmark-report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/benchmark-report.txt
mvn -q -B test -Dconformance.skip=true -Djacoco.skip=true \
    -Dtest='ClientBenchmark,StreamLoadBenchmark,RateLimitBenchmark,LogContextBenchmark,AuditLoadBenchmark' \
    -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
cat target/benchmark-report.txt
