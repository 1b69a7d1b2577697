#!/usr/bin/env bash
# Retakes the README's Hawtio screenshots (docs/hawtio-camel-routes.png, docs/hawtio-route-diagram.png): starts the
# server jar with JOLOKIA_ENABLED=true against a Last.fm stand-in, makes a few MCP calls, starts Hawtio
# (scripts/hawtio.sh) and photographs its Camel routes table and one route's diagram in headless Chromium
# (ops/hawtio/screenshot/hawtio-screenshot.mjs; playwright-core from npm drives Debian's chromium). Everything is
# on 127.0.0.1 and stops by itself. A documentation step, not part of the build or CI.
#   OUT_DIR        where the PNGs go (default docs)
#   HAWTIO_ROUTE   the route whose diagram is taken (default tool-get_artist_info)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT_DIR="${OUT_DIR:-docs}"
if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium" >&2
    apt-get install -y chromium >/dev/null
fi
if [ ! -f target/lastfm-mcp.jar ]; then
    mvn -q -B package -DskipTests -Dconformance.skip=true -Djacoco.skip=true
fi
if [ ! -f ops/hawtio/target/hawtio-default.war ] || [ ! -f ops/hawtio/target/classpath.txt ]; then
    (cd ops/hawtio && mvn -q -B package >/dev/null)
fi
if [ ! -d ops/hawtio/screenshot/node_modules/playwright-core ]; then
    (cd ops/hawtio/screenshot && npm install --no-package-lock --no-audit --no-fund --silent)
fi
node ops/hawtio/screenshot/hawtio-screenshot.mjs . "$OUT_DIR"
