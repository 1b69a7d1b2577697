#!/usr/bin/env bash
# Measures the Last.fm client path against a local WireMock Last.fm (loopback only, stops by itself) and prints:
# latency of a cached direct:lastfm-call, of a full cached tools/call over HTTP (1 and 8 clients), and the upstream
# calls made by a burst of identical and of distinct requests. The report is also in target/benchmark-report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test -Dconformance.skip=true -Dtest=ClientBenchmark -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
cat target/benchmark-report.txt
