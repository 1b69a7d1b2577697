#!/usr/bin/env bash
# Starts Hawtio 4 (the hawtio-default war in an embedded Jetty 12, ops/hawtio) on 127.0.0.1 for a running Last.fm MCP
# server started with JOLOKIA_ENABLED=true, and prints the URL. Its proxy reaches only that server's Jolokia
# (http://127.0.0.1:$MANAGEMENT_PORT/observe/jolokia). Stop it with Ctrl-C.
# The proxy opens a new connection per request (http.keepAlive=false): a pooled connection the server had closed
# made Hawtio's JMX tree request fail now and then with "127.0.0.1:PORT failed to respond" (HTTP 500).
#   HAWTIO_PORT   the console's port (default 8090)
#   MANAGEMENT_PORT   the server's management port (default 9876)
set -euo pipefail
cd "$(dirname "$0")/../ops/hawtio"
HAWTIO_PORT="${HAWTIO_PORT:-8090}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9876}"
if [ ! -f target/hawtio-default.war ] || [ ! -f target/classpath.txt ]; then
    mvn -q -B package >/dev/null
fi
if ! curl -fsS "http://127.0.0.1:${MANAGEMENT_PORT}/observe/jolokia/version" >/dev/null 2>&1; then
    echo "No Jolokia at http://127.0.0.1:${MANAGEMENT_PORT}/observe/jolokia: start the server with JOLOKIA_ENABLED=true" \
         "(and MANAGEMENT_PORT=${MANAGEMENT_PORT}) first" >&2
fi
echo "Hawtio: http://127.0.0.1:${HAWTIO_PORT}/hawtio/ -> Connect -> http://127.0.0.1:${MANAGEMENT_PORT}/observe/jolokia"
exec java -Dhawtio.authenticationEnabled=false -Dhttp.keepAlive=false -Dhawtio.proxyAllowlist=127.0.0.1,localhost \
    -Dhawtio.localAddressProbing=false -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "target/lastfm-mcp-hawtio-0.1.0.jar:$(cat target/classpath.txt)" \
    dev.lastfmmcp.hawtio.HawtioLauncher target/hawtio-default.war "${HAWTIO_PORT}" "${MANAGEMENT_PORT}"
