#!/usr/bin/env bash
# Writes an AppCDS archive for the jar (target/lastfm-mcp.jsa) with a short training run, so the server starts in
# about 2 s instead of about 4 s: java -XX:SharedArchiveFile=target/lastfm-mcp.jsa -jar target/lastfm-mcp.jar
# The archive only fits the JVM that wrote it; run this with the java you start the server with.
set -euo pipefail
JAR=${1:-target/lastfm-mcp.jar}
ARCHIVE=${2:-${JAR%.jar}.jsa}
rm -f "$ARCHIVE"
# port 0: any free port; the run stops by itself after a few seconds
LASTFM_API_KEY= java -XX:ArchiveClassesAtExit="$ARCHIVE" -Dcamel.server.port=0 -Dcamel.main.durationMaxSeconds=4 \
  -jar "$JAR" >/dev/null 2>&1
ls -l "$ARCHIVE"
